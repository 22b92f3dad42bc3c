// Names that are well formed but would make a scaffold wrong are refused with BAD_NAME, even
// with --force; names that only look risky are accepted, and what they render type-checks.
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { scaffold } from "../../src/scaffold/scaffold.js";
import { runCli } from "../support/run-cli.js";
import { snapshot, tempRepo } from "../support/temp-repo.js";

const workspace = fileURLToPath(new URL("../../../..", import.meta.url));

function singlePackage(extra: Record<string, string> = {}): string {
  return tempRepo({
    "package.json": JSON.stringify({ name: "demo", type: "module" }),
    "src/index.ts": 'export const version = "1";\n',
    ...extra,
  });
}

/**
 * Type-checks files of a repository with the ladder's strict options, resolving packages
 * (vitest, @types/node, @ladder/cache) from this workspace's node_modules.
 */
function diagnostics(root: string, files: readonly string[]): string[] {
  symlinkSync(join(workspace, "node_modules"), join(root, "node_modules"));
  const program = ts.createProgram(
    files.map((file) => join(root, file)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      types: ["node"],
      skipLibCheck: true,
    },
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("names that would make a scaffold wrong", { timeout: 60_000 }, () => {
  it.each(["module", "cache"])(
    "new %s index --force refuses to write over the entry file, which stays as it was",
    async (template) => {
      // Once: src/index.ts re-exported itself, and test/index.test.ts did not compile.
      const root = singlePackage();
      const before = snapshot(root);
      const { code, stderr } = await runCli(["new", template, "index", "--force"], root);
      expect(stderr).toBe(
        `quality-gate: "index" would write src/index.ts, the package's entry file, which exports its modules; choose another name. [BAD_NAME]\n`,
      );
      expect(code).toBe(2);
      expect(snapshot(root)).toEqual(before);
    },
  );

  it("refuses the entry file package.json names, mapped back to source", async () => {
    const root = singlePackage({
      "package.json": JSON.stringify({ name: "demo", type: "module", exports: "./dist/main.js" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { rootDir: "src", outDir: "dist" } }),
      "src/main.ts": "export const main = 1;\n",
    });
    const { code, stderr } = await runCli(["new", "module", "Main", "--force"], root);
    expect(stderr).toMatch(/"Main" would write src\/main\.ts, the package's entry file/);
    expect(code).toBe(2);
    expect(readFileSync(join(root, "src/main.ts"), "utf8")).toBe("export const main = 1;\n");
  });

  it.each([
    ["cache", "TtlCache", "src/template-name.ts"],
    ["cache", "Disposable", "src/template-name.ts"],
    ["variety-cache", "VarietyCache", "src/template-name.ts"],
    ["variety-cache", "Refresher", "src/template-name.ts"],
  ])(
    "new %s %s refuses a class named like the template's own import or global",
    async (template, name, file) => {
      const root = singlePackage();
      const before = snapshot(root);
      const { code, stderr } = await runCli(["new", template, name], root);
      expect(stderr).toBe(
        `quality-gate: "${name}" would declare ${name}, which the ${template} template's ${file} already uses for something else; choose another name. [BAD_NAME]\n`,
      );
      expect(code).toBe(2);
      expect(snapshot(root)).toEqual(before);
    },
  );

  it.each([
    ["module", "Number"],
    ["module", "Error"],
    ["module", "TtlCache"],
    ["cache", "Map"],
    ["cache", "Index2"],
    ["variety-cache", "Set"],
  ])("new %s %s is accepted, and its code type-checks", async (template, name) => {
    const root = singlePackage();
    const { created } = await scaffold({ template, name, cwd: root });
    expect(diagnostics(root, [...created, "src/index.ts"])).toEqual([]);
  });
});
