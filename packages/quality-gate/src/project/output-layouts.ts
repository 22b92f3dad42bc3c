/**
 * Where a package's build puts its output, read from its tsconfig files: each `outDir` (and
 * `declarationDir`) with the `rootDir` it mirrors. `tsc` mirrors the folder tree under `rootDir`
 * into `outDir`, so `dist/sub/x.js` came from `<rootDir>/sub/x.ts`. Without `rootDir`, tsc takes
 * the common folder of the input files, and so does this.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "../typescript.cjs";

/** One output folder and the source folder it mirrors. */
export interface OutputLayout {
  /** The output folder, absolute (`/repo/dist`). */
  readonly outDir: string;
  /** The source folder it mirrors, absolute (`/repo/src`). */
  readonly rootDir: string;
}

/**
 * Reads the output layouts of the tsconfig files in a package folder (`tsconfig.json`,
 * `tsconfig.build.json`, `tsconfig.esm.json`, …) and, in a workspace, of the root's.
 *
 * @param dirs - the folders to look in (the package's, then the root's)
 * @returns every layout found, in the order found; none for folders without a tsconfig
 * @example
 * ```ts
 * readOutputLayouts(["/repo/packages/cache"]); // [{ outDir: ".../dist", rootDir: ".../src" }]
 * ```
 */
export function readOutputLayouts(dirs: readonly string[]): OutputLayout[] {
  const layouts: OutputLayout[] = [];
  for (const dir of [...new Set(dirs)]) {
    for (const file of tsconfigFiles(dir)) layouts.push(...layoutsOf(file));
  }
  return layouts;
}

function tsconfigFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /^tsconfig(?:\.[\w.-]+)?\.json$/.test(name))
      .sort((a, b) => Number(b === "tsconfig.json") - Number(a === "tsconfig.json"))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

function layoutsOf(file: string): OutputLayout[] {
  const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) return [];
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    ts.sys,
    dirname(file),
    undefined,
    file,
  );
  const { outDir, declarationDir } = parsed.options;
  const outputs = [outDir, declarationDir].filter((dir) => dir !== undefined);
  if (outputs.length === 0) return [];
  const rootDir = parsed.options.rootDir ?? commonDirectory(parsed.fileNames) ?? dirname(file);
  return outputs.map((output) => ({ outDir: output, rootDir }));
}

/** The deepest folder holding every non-declaration input file, as tsc computes its default rootDir. */
function commonDirectory(files: readonly string[]): string | undefined {
  const sources = files.filter((file) => !/\.d\.[cm]?ts$/.test(file));
  if (sources.length === 0) return undefined;
  let common = dirname(sources[0] ?? "");
  for (const file of sources) {
    while (relative(common, file).startsWith("..") || relative(common, file).startsWith(sep)) {
      const parent = dirname(common);
      if (parent === common) return common;
      common = parent;
    }
  }
  return common;
}
