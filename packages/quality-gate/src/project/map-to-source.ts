/**
 * Maps a file a `package.json` points at (usually build output: `dist/index.js`,
 * `dist/index.d.ts`) back to the source file that produces it, trying in turn:
 * 1. the file itself, when it is a TypeScript source;
 * 2. its source map or declaration map (`index.js.map`, `index.d.ts.map`), when the package is
 *    built: `sources` names the file exactly;
 * 3. the tsconfig layouts (`outDir` mirrors `rootDir`);
 * 4. the conventions of common build tools: an output folder (`dist`, `lib`, `build`, `out`,
 *    `esm`, `cjs`, `types`, …, optionally followed by a format folder such as `dist/esm`) in place
 *    of `src` or `source`, with the extension a compiler would have turned `.ts` into;
 * 5. a hand-written declaration file outside any output folder (a JavaScript package typed by
 *    its own `index.d.ts`): that file is the public API's source.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { OutputLayout } from "./output-layouts.js";

/** How a target was mapped, for `--debug` and the report. */
export type MappedBy = "source" | "source-map" | "tsconfig" | "convention" | "declaration";

/** A source file and how it was found. */
export interface MappedSource {
  /** The source file, absolute. */
  readonly file: string;
  /** Which rule found it. */
  readonly by: MappedBy;
}

const OUTPUT_FOLDERS = new Set([
  "dist",
  "lib",
  "build",
  "out",
  "output",
  "esm",
  "cjs",
  "es",
  "mjs",
  "types",
  "typings",
  "dts",
  "dist-types",
  "declarations",
]);
const FORMAT_FOLDERS = new Set([
  "esm",
  "cjs",
  "es",
  "mjs",
  "module",
  "commonjs",
  "node",
  "browser",
  "types",
  "dts",
  "src",
  "lib",
  "umd",
]);
const SOURCE_FOLDERS = ["src", "source", "lib", ""];

/**
 * Finds the source file behind a target.
 *
 * @param target - the file, absolute
 * @param pkgDir - the package's folder
 * @param layouts - the package's output layouts
 * @returns the source and how it was found, or `undefined` when no rule leads to a file
 * @example
 * ```ts
 * mapToSource("/repo/dist/index.js", "/repo", layouts); // { file: "/repo/src/index.ts", by: "tsconfig" }
 * ```
 */
export function mapToSource(
  target: string,
  pkgDir: string,
  layouts: readonly OutputLayout[],
): MappedSource | undefined {
  if (isTypeScriptSource(target) && isFile(target)) return { file: target, by: "source" };
  const fromMap = fromSourceMap(target);
  if (fromMap !== undefined) return { file: fromMap, by: "source-map" };
  const fromLayout = fromLayouts(target, layouts);
  if (fromLayout !== undefined) return { file: fromLayout, by: "tsconfig" };
  const found = byConvention(target, pkgDir);
  if (found !== undefined) return { file: found, by: "convention" };
  return isHandWrittenDeclaration(target, pkgDir)
    ? { file: target, by: "declaration" }
    : undefined;
}

function fromLayouts(target: string, layouts: readonly OutputLayout[]): string | undefined {
  for (const layout of layouts) {
    const rel = relative(layout.outDir, target);
    if (rel.startsWith("..") || rel.startsWith(sep) || rel === "") continue;
    const found = withSourceExtension(join(layout.rootDir, rel));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A declaration file outside every output folder (a JavaScript package typed by its own
 * index.d.ts) is the public API's source; one in an output folder was generated.
 */
function isHandWrittenDeclaration(target: string, pkgDir: string): boolean {
  const first = relative(pkgDir, target).split(sep)[0] ?? "";
  return /\.d\.[cm]?ts$/.test(target) && !OUTPUT_FOLDERS.has(first) && isFile(target);
}

/**
 * Whether a path names a TypeScript source file (not a declaration file).
 *
 * @param file - the path
 * @returns `true` for `.ts`, `.tsx`, `.mts` and `.cts` files that are not `.d.*`
 * @example
 * ```ts
 * isTypeScriptSource("src/a.ts"); // true
 * ```
 */
export function isTypeScriptSource(file: string): boolean {
  return (
    /\.(?:[cm]?ts|tsx)$/.test(file) &&
    !/\.d\.[cm]?ts$/.test(file) &&
    !/\.d\.[\w-]+\.ts$/.test(file)
  );
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

/** The TypeScript sources a compiler turns into this output, in the order to try. */
function sourceCandidates(path: string): string[] {
  const declaration = /\.d\.([cm]?)ts$/.exec(path);
  const script = /\.([cm]?)jsx?$/.exec(path);
  const source = /\.(?:[cm]?ts|tsx)$/.exec(path);
  const match = declaration ?? script ?? source;
  const stem = match === null ? path : path.slice(0, match.index);
  const flavour = declaration?.[1] ?? script?.[1] ?? "";
  const extensions =
    flavour === "m"
      ? [".mts", ".ts", ".tsx"]
      : flavour === "c"
        ? [".cts", ".ts"]
        : [".ts", ".tsx", ".mts", ".cts"];
  return [
    ...extensions.map((extension) => stem + extension),
    ...[".ts", ".tsx", ".mts"].map((extension) => join(stem, `index${extension}`)),
  ];
}

function withSourceExtension(path: string): string | undefined {
  return sourceCandidates(path).find(isFile);
}

function fromSourceMap(target: string): string | undefined {
  for (const map of [`${target}.map`, target.replace(/\.js$/, ".d.ts") + ".map"]) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(map, "utf8"));
    } catch {
      continue;
    }
    const { sources, sourceRoot } = parsed as { sources?: unknown; sourceRoot?: unknown };
    const first = Array.isArray(sources) ? (sources[0] as unknown) : undefined;
    if (typeof first !== "string") continue;
    const base = resolve(dirname(map), typeof sourceRoot === "string" ? sourceRoot : "");
    const file = resolve(base, first);
    if (isTypeScriptSource(file) && isFile(file)) return file;
  }
  return undefined;
}

function byConvention(target: string, pkgDir: string): string | undefined {
  const segments = relative(pkgDir, target).split(sep);
  const [first, second] = segments;
  if (first === undefined || !OUTPUT_FOLDERS.has(first) || segments[0] === "..") return undefined;
  const drops =
    second !== undefined && FORMAT_FOLDERS.has(second) && segments.length > 2 ? [1, 2] : [1];
  for (const drop of drops) {
    const rest = segments.slice(drop);
    for (const folder of SOURCE_FOLDERS) {
      const found = withSourceExtension(join(pkgDir, folder, ...rest));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
