// What a repository says about its tools: every package's declarations and scripts, the root's
// config files and manifest keys, and where each tool is installed (the root's first). The tools
// installed here have names no real package has: pnpm's shims put its store on NODE_PATH.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTools } from "../support/read-tools.js";

function install(dir: string, name: string, version: string): void {
  mkdirSync(join(dir, "node_modules", name), { recursive: true });
  writeFileSync(
    join(dir, "node_modules", name, "package.json"),
    JSON.stringify({ name, version, bin: { [name]: "cli.js" } }),
  );
}

describe("readRepositoryTools", () => {
  it("reads the declarations and commands of every package of a workspace, the root's first", () => {
    const tools = readTools({
      "package.json": {
        name: "root",
        private: true,
        workspaces: ["packages/*"],
        prettier: {},
        scripts: { lint: "eslint ." },
      },
      "packages/a/package.json": {
        name: "a",
        devDependencies: { vitest: "^4" },
        scripts: { test: "vitest run" },
      },
      "eslint.config.js": "export default [];\n",
    });
    expect(tools.scripts).toEqual({ lint: "eslint ." });
    expect(tools.commands.map((command) => command.program)).toEqual(["eslint", "vitest"]);
    expect(tools.declares("vitest")).toBe(true);
    expect(tools.declares("jest")).toBe(false);
    expect(tools.file("eslint.config.mjs", "eslint.config.js")).toBe(
      join(tools.root, "eslint.config.js"),
    );
    expect(tools.file(".prettierrc")).toBeUndefined();
    expect([...tools.manifestKeys]).toContain("prettier");
  });

  it("finds a tool installed in a member when the root has none, and remembers the answer", () => {
    const tools = readTools({
      "package.json": { name: "root", private: true, workspaces: ["packages/*"] },
      "packages/a/package.json": { name: "a", devDependencies: { "qg-probe-linter": "*" } },
    });
    install(join(tools.root, "packages", "a"), "qg-probe-linter", "1.2.3");
    const found = tools.installed("qg-probe-linter");
    expect(found).toMatchObject({ name: "qg-probe-linter", version: "1.2.3" });
    expect(found?.dir).toBe(join(tools.root, "packages", "a", "node_modules", "qg-probe-linter"));
    install(tools.root, "qg-probe-linter", "9.9.9");
    expect(tools.installed("qg-probe-linter")).toBe(found);
    expect(tools.installed("biome-not-here")).toBeUndefined();
  });

  it("prefers the root's installation to a member's", () => {
    const tools = readTools({
      "package.json": { name: "root", private: true, workspaces: ["packages/*"] },
      "packages/a/package.json": { name: "a" },
    });
    install(tools.root, "qg-probe-xo", "0.60.0");
    install(join(tools.root, "packages", "a"), "qg-probe-xo", "0.50.0");
    expect(tools.installed("qg-probe-xo")?.version).toBe("0.60.0");
  });

  it("reads no manifest keys nor lint-staged from a package.json that is no object", () => {
    const tools = readTools({ "package.json": "[1, 2]\n" });
    expect(tools.manifestKeys.size).toBe(0);
    expect(tools.lintStaged).toEqual({});
    expect(tools.scripts).toEqual({});
  });

  it("keeps only lint-staged's commands that are strings", () => {
    const tools = readTools({
      "package.json": {
        name: "r",
        "lint-staged": { "*.ts": ["eslint --fix", { nested: true }], "*.md": "prettier -w" },
      },
    });
    expect(tools.lintStaged).toEqual({ "*.ts": ["eslint --fix"], "*.md": ["prettier -w"] });
  });
});
