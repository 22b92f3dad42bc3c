// Where a package's build puts its output, as tsc would: outDir and declarationDir, each with the
// rootDir it mirrors (tsc's default: the common folder of the inputs).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOutputLayouts } from "../../src/project/output-layouts.js";
import { tempRepo } from "../support/temp-repo.js";

const SRC = "export const x = 1;\n";

function layoutsIn(files: Record<string, string>) {
  const root = tempRepo(files);
  const rel = (path: string): string => path.slice(root.length + 1) || ".";
  return readOutputLayouts([root, join(root, "missing")]).map((layout) => [
    rel(layout.outDir),
    rel(layout.rootDir),
  ]);
}

describe("readOutputLayouts", () => {
  it("reads tsconfig.json first, then the others, skipping one that does not parse", () => {
    expect(
      layoutsIn({
        "tsconfig.build.json": JSON.stringify({
          compilerOptions: { outDir: "build", declarationDir: "types", rootDir: "src" },
        }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "dist", rootDir: "src" } }),
        "tsconfig.broken.json": "{ compilerOptions: ",
        "src/index.ts": SRC,
      }),
    ).toEqual([
      ["dist", "src"],
      ["build", "src"],
      ["types", "src"],
    ]);
  });

  it("takes the deepest folder holding every input as the rootDir, as tsc does", () => {
    expect(
      layoutsIn({
        "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "out" }, include: ["lib"] }),
        "lib/a/one.ts": SRC,
        "lib/b/two.ts": SRC,
        "lib/types.d.ts": "export {};\n",
      }),
    ).toEqual([["out", "lib"]]);
  });

  it("falls back to the tsconfig's folder when the inputs are declarations only", () => {
    expect(
      layoutsIn({
        "tsconfig.json": JSON.stringify({
          compilerOptions: { outDir: "out" },
          include: ["typings"],
        }),
        "typings/index.d.ts": "export {};\n",
      }),
    ).toEqual([["out", "."]]);
  });

  it("has no layout for a tsconfig that emits nowhere", () => {
    expect(
      layoutsIn({
        "tsconfig.json": JSON.stringify({ compilerOptions: { noEmit: true } }),
        "src/index.ts": SRC,
      }),
    ).toEqual([]);
  });
});
