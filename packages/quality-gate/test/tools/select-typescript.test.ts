// Which TypeScript checks a repository: its own, in process when the scorer can use its API, else
// its own compiler's command; tsgo when its scripts type-check with it; the gate's when it has none.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectTypeScript } from "../../src/tools/select-typescript.js";
import { tempRepo } from "../support/temp-repo.js";

const bundled = { path: "/gate/typescript/lib/typescript.js", version: "6.0.3" };

/** A repository with a package installed in its node_modules (a manifest is all resolution needs). */
function withInstalled(
  packages: Record<string, { version: string; bin?: Record<string, string> }>,
  scripts: Record<string, string> = {},
) {
  const root = tempRepo({ "package.json": JSON.stringify({ name: "r", scripts }) });
  for (const [name, { version, bin }] of Object.entries(packages)) {
    const dir = join(root, "node_modules", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version, bin }));
  }
  return root;
}

describe("selectTypeScript", () => {
  it("takes the gate's own when the repository has none, or has the same version", () => {
    expect(selectTypeScript(tempRepo({ "package.json": "{}" }), bundled)).toMatchObject({
      checker: { name: "typescript", version: "6.0.3", source: "bundled" },
      module: { source: "bundled" },
    });
    expect(
      selectTypeScript(withInstalled({ typescript: { version: "6.0.3" } }), bundled).module
        .source,
    ).toBe("bundled");
  });

  it("loads a repository's TypeScript 5 in process in place of the gate's", () => {
    const root = withInstalled({ typescript: { version: "5.8.3" } });
    expect(selectTypeScript(root, bundled)).toMatchObject({
      checker: { name: "typescript", version: "5.8.3", source: "repository" },
      module: {
        path: join(root, "node_modules", "typescript", "lib", "typescript.js"),
        version: "5.8.3",
        source: "repository",
      },
    });
    expect(selectTypeScript(root, bundled).command).toBeUndefined();
  });

  it("runs the command of a TypeScript without a JS API (7) or too old for the scorer (4.9)", () => {
    for (const version of ["7.0.2", "4.9.5"]) {
      const root = withInstalled({ typescript: { version, bin: { tsc: "./bin/tsc" } } });
      const choice = selectTypeScript(root, bundled);
      expect(choice).toMatchObject({
        checker: { version, source: "repository" },
        module: { source: "bundled" },
      });
      expect(choice.command).toBe(join(root, "node_modules", "typescript", "bin", "tsc"));
    }
  });

  it("runs tsgo when the repository's scripts type-check with it", () => {
    const root = withInstalled(
      {
        "@typescript/native-preview": { version: "7.0.0-dev.1", bin: { tsgo: "./bin/tsgo.js" } },
        typescript: { version: "5.6.1" },
      },
      { typecheck: "tsgo -b" },
    );
    expect(selectTypeScript(root, bundled)).toMatchObject({
      checker: { name: "tsgo", version: "7.0.0-dev.1" },
      command: join(root, "node_modules", "@typescript", "native-preview", "bin", "tsgo.js"),
    });
  });
});
