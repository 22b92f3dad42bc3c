// Entry points of real layouts: build output named in package.json is mapped back to the source
// that produces it, by the tsconfig layout, a source map, or the usual build-tool folders.
import { describe, expect, it } from "vitest";
import { findEntryPoints } from "../../src/project/entry-points.js";
import { readOutputLayouts } from "../../src/project/output-layouts.js";
import { readManifest } from "../../src/project/package-manifest.js";
import { tempRepo } from "../support/temp-repo.js";

/** A package with these files; returns its entries as [subpath, source relative, by]. */
function entriesOf(files: Record<string, string | object>) {
  const dir = tempRepo(
    Object.fromEntries(
      Object.entries(files).map(([path, text]) => [
        path,
        typeof text === "string" ? text : JSON.stringify(text),
      ]),
    ),
  );
  const manifest = readManifest(dir);
  if (manifest === undefined) throw new Error("no package.json");
  const found = findEntryPoints(dir, manifest, readOutputLayouts([dir]));
  const rel = (path: string): string => path.slice(dir.length + 1);
  return {
    subpaths: Object.fromEntries(
      [...found.subpaths].map(([file, subpath]) => [rel(file), subpath]),
    ),
    entries: found.entries.map((entry) => [
      entry.subpath,
      entry.source === undefined ? undefined : entry.source.slice(dir.length + 1),
      entry.by,
    ]),
    unresolved: found.unresolved,
  };
}

const SRC = "export const x: number = 1;\n";

describe("findEntryPoints", () => {
  it("maps exports of every condition through the tsconfig's outDir and rootDir", () => {
    expect(
      entriesOf({
        "package.json": {
          name: "a",
          exports: {
            ".": {
              types: "./dist/index.d.ts",
              import: "./dist/index.js",
              require: "./dist/index.cjs",
            },
            "./client": { import: "./dist/client/index.mjs" },
            "./package.json": "./package.json",
          },
        },
        "tsconfig.json": {
          compilerOptions: { outDir: "dist", rootDir: "src" },
          include: ["src"],
        },
        "src/index.ts": SRC,
        "src/client/index.mts": SRC,
      }),
    ).toEqual({
      entries: [
        [".", "src/index.ts", "tsconfig"],
        ["./client", "src/client/index.mts", "tsconfig"],
      ],
      subpaths: { "src/client/index.mts": "./client" },
      unresolved: [],
    });
  });

  it("takes tsc's default rootDir, the common folder of the inputs, when rootDir is not set", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", main: "./build/main.js", types: "./build/main.d.ts" },
        "tsconfig.json": { compilerOptions: { outDir: "build" }, include: ["lib"] },
        "lib/main.ts": SRC,
      }).entries,
    ).toEqual([[".", "lib/main.ts", "tsconfig"]]);
  });

  it("follows the layouts of build tools without a tsconfig outDir (dist/esm, lib, types)", () => {
    expect(
      entriesOf({
        "package.json": {
          name: "a",
          exports: {
            ".": { types: "./dist/types/index.d.ts", import: "./dist/esm/index.js" },
            "./util": "./lib/util.cjs",
          },
        },
        "tsconfig.json": { compilerOptions: { noEmit: true } },
        "src/index.ts": SRC,
        "src/util.cts": SRC,
      }).entries,
    ).toEqual([
      [".", "src/index.ts", "convention"],
      ["./util", "src/util.cts", "convention"],
    ]);
  });

  it("follows tshy's dialect folders and minified bundles (dist/esm/node/index.min.js)", () => {
    expect(
      entriesOf({
        "package.json": {
          name: "a",
          exports: {
            ".": {
              import: { node: { default: "./dist/esm/node/index.min.js" } },
              require: { default: "./dist/commonjs/index.min.js" },
            },
          },
        },
        "tsconfig.json": { compilerOptions: { module: "nodenext" } },
        "src/index.ts": SRC,
      }).entries,
    ).toEqual([[".", "src/index.ts", "convention"]]);
  });

  it("reads a built package's declaration map when it has one", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", types: "./out/entry.d.ts" },
        "out/entry.d.ts": "export declare const x: number;\n",
        "out/entry.d.ts.map": { version: 3, sources: ["../code/entry.ts"], mappings: "" },
        "code/entry.ts": SRC,
      }).entries,
    ).toEqual([[".", "code/entry.ts", "source-map"]]);
  });

  it("expands subpath patterns over the source tree", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", exports: { ".": "./dist/index.js", "./*": "./dist/*.js" } },
        "tsconfig.json": { compilerOptions: { outDir: "dist", rootDir: "src" } },
        "src/index.ts": SRC,
        "src/a.ts": SRC,
        "src/deep/b.ts": SRC,
        "src/a.test.ts": SRC,
      }).entries,
    ).toEqual([
      [".", "src/index.ts", "tsconfig"],
      ["./a", "src/a.ts", "tsconfig"],
      ["./deep/b", "src/deep/b.ts", "tsconfig"],
      ["./index", "src/index.ts", "tsconfig"],
    ]);
  });

  it("reads each target of an exports array, the fallbacks a resolver tries in order", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", exports: { ".": ["./dist/index.js", "./dist/other.js"] } },
        "tsconfig.json": { compilerOptions: { outDir: "dist", rootDir: "src" } },
        "src/index.ts": SRC,
        "src/other.ts": SRC,
      }).entries,
    ).toEqual([
      [".", "src/index.ts", "tsconfig"],
      [".", "src/other.ts", "tsconfig"],
    ]);
  });

  it("leaves a pattern whose folder maps to no source unresolved", () => {
    const found = entriesOf({
      "package.json": { name: "a", exports: { ".": "./src/index.ts", "./*": "./vendor/*.js" } },
      "src/index.ts": SRC,
    });
    expect(found.entries).toEqual([
      [".", "src/index.ts", "source"],
      ["./*", undefined, undefined],
    ]);
  });

  it("expands a pattern onto TypeScript sources of its own extension only", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", exports: { "./*": "./src/*.mts" } },
        "src/index.mts": SRC,
        "src/a.mts": SRC,
        "src/b.ts": SRC,
      }).entries.filter(([subpath]) => subpath !== "."),
    ).toEqual([
      ["./a", "src/a.mts", "source"],
      ["./index", "src/index.mts", "source"],
    ]);
  });

  it("scores a JavaScript package's hand-written declaration file", () => {
    expect(
      entriesOf({
        "package.json": { name: "a", main: "./index.js", types: "./index.d.ts" },
        "index.js": "export const x = 1;\n",
        "index.d.ts": "export declare const x: number;\n",
      }).entries,
    ).toEqual([[".", "index.d.ts", "declaration"]]);
  });

  it("stands src/index.ts in for a bundle it cannot trace, and says which targets lead nowhere", () => {
    expect(
      entriesOf({
        "package.json": {
          name: "a",
          exports: { ".": "./dist/bundle.js", "./extra": "./dist/extra.js" },
        },
        "src/index.ts": SRC,
      }),
    ).toEqual({
      entries: [
        [".", "src/index.ts", "fallback"],
        ["./extra", undefined, undefined],
      ],
      subpaths: {},
      unresolved: ["./dist/extra.js"],
    });
  });

  it("lists executables, and does not count a plain script as unresolved", () => {
    expect(
      entriesOf({
        "package.json": { name: "@scope/tool", bin: "./bin/tool.js", exports: "./dist/index.js" },
        "tsconfig.json": { compilerOptions: { outDir: "dist", rootDir: "src" } },
        "src/index.ts": SRC,
        "bin/tool.js": "#!/usr/bin/env node\n",
      }),
    ).toEqual({
      entries: [
        [".", "src/index.ts", "tsconfig"],
        ["bin:tool", undefined, undefined],
      ],
      subpaths: {},
      unresolved: [],
    });
  });

  it("says which subpath reaches each entry file that is not the main entry, preferring the main one", () => {
    expect(
      entriesOf({
        "package.json": {
          name: "a",
          exports: {
            "./sub": { import: "./lib/sub.ts", types: "./lib/sub.ts" },
            "./index": "./lib/main.ts",
            ".": "./lib/main.ts",
          },
        },
        "lib/main.ts": SRC,
        "lib/sub.ts": SRC,
      }).subpaths,
    ).toEqual({ "lib/sub.ts": "./sub" });
  });
});
