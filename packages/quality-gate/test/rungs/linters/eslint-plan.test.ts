// How rung 2 runs a repository's ESLint, read from its files: flat or legacy config, the scope and
// options of its lint script, without the options the gate sets itself or that would write.
import { describe, expect, it } from "vitest";
import { eslintLinter } from "../../../src/rungs/linters/eslint.js";
import { readTools } from "../../support/read-tools.js";

function plan(files: Record<string, string | object>) {
  return eslintLinter.plan(readTools(files));
}

describe("eslintLinter.plan", () => {
  it("keeps the script's options but those the gate replaces or that write", () => {
    const planned = plan({
      "package.json": {
        scripts: {
          lint: "eslint --fix --max-warnings 0 --format stylish -o out.txt --cache --cache-location .c --ext .ts --color src test",
        },
      },
      "eslint.config.js": "export default [];\n",
    });
    expect(planned).toMatchObject({
      paths: ["src", "test"],
      args: ["--max-warnings", "0", "--ext", ".ts"],
      scripted: true,
      env: { ESLINT_USE_FLAT_CONFIG: "true" },
      tool: { name: "eslint", source: "repository", note: "flat config" },
    });
  });

  it("drops an option written with = without taking the next word as its value", () => {
    const planned = plan({
      "package.json": { scripts: { lint: "eslint --format=json --max-warnings=3 lib" } },
      "eslint.config.mjs": "export default [];\n",
    });
    expect(planned).toMatchObject({ paths: ["lib"], args: ["--max-warnings=3"] });
  });

  it("prefers a script that checks to one that fixes, and ignores --print-config and --init", () => {
    const planned = plan({
      "package.json": {
        scripts: {
          "lint:fix": "eslint --fix src",
          lint: "eslint src test",
          debug: "eslint --print-config src/index.ts",
          setup: "eslint --init",
        },
      },
      "eslint.config.js": "export default [];\n",
    });
    expect(planned).toMatchObject({ paths: ["src", "test"], args: [] });
  });

  it("runs a legacy .eslintrc config, or one in package.json, with flat config off", () => {
    for (const files of [
      { "package.json": { name: "r" }, ".eslintrc.json": { root: true } },
      { "package.json": { name: "r", eslintConfig: { root: true } } },
    ]) {
      expect(plan(files)).toMatchObject({
        paths: ["."],
        scripted: false,
        env: { ESLINT_USE_FLAT_CONFIG: "false" },
        tool: { note: "legacy .eslintrc config" },
      });
    }
  });

  it("runs ESLint a script runs even without a config file (its config may be elsewhere)", () => {
    expect(
      plan({ "package.json": { scripts: { lint: "eslint -c conf/eslint.js ." } } }),
    ).toMatchObject({
      paths: ["."],
      args: ["-c", "conf/eslint.js"],
      scripted: true,
    });
  });

  it("is no plan for a repository without ESLint's config or command", () => {
    expect(plan({ "package.json": { scripts: { lint: "oxlint src" } } })).toBeUndefined();
  });
});
