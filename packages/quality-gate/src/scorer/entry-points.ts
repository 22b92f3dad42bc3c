/**
 * Finds a package's public entry files: every target of its `package.json` `exports` (all
 * subpaths and conditions), mapped from the build output back to source through its tsconfig's
 * `outDir` / `rootDir`; else `main` / `types`; else `src/index.ts`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "../typescript.cjs";

/** A workspace package and its entry files, as absolute paths. */
export interface PackageEntryPoints {
  /** The package's `name`, or its directory name when it has none. */
  readonly name: string;
  /** The package's directory, absolute. */
  readonly dir: string;
  /** The source files its public API is reachable from, in `exports` order, without duplicates. */
  readonly entryFiles: readonly string[];
  /** `exports` targets that map to no source file, relative to the package (each a finding). */
  readonly unresolved: readonly string[];
  /**
   * The `exports` subpath each entry file is reached through (`"./sub"`): `"."` when that is one
   * of them, else the first; an entry file not listed (`"."`, `main`, `types`, the fallback) is
   * `"."`.
   */
  readonly subpaths: ReadonlyMap<string, string>;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];

/**
 * Reads a package's entry points.
 *
 * @param dir - the package directory (it holds `package.json`)
 * @returns the package's name, entry source files and the `exports` targets that lead nowhere
 * @example
 * ```ts
 * findEntryPoints("/repo/packages/cache").entryFiles; // ["/repo/packages/cache/src/index.ts"]
 * ```
 */
export function findEntryPoints(dir: string): PackageEntryPoints {
  const manifest = readManifest(dir);
  const name =
    typeof manifest.name === "string" ? manifest.name : (dir.split(/[\\/]/).pop() ?? dir);
  const targets = declaredTargets(manifest);
  const layout = buildLayout(dir);
  const entryFiles: string[] = [];
  const unresolved: string[] = [];
  const subpaths = new Map<string, string>();
  for (const { target, subpath } of targets) {
    const source = toSource(resolve(dir, target), layout);
    if (source === undefined) unresolved.push(target);
    else if (!entryFiles.includes(source)) {
      entryFiles.push(source);
      if (subpath !== ".") subpaths.set(source, subpath);
    } else if (subpath === ".") subpaths.delete(source);
  }
  if (targets.length === 0) {
    const fallback = join(dir, "src", "index.ts");
    if (existsSync(fallback)) entryFiles.push(fallback);
  }
  return { name, dir, entryFiles, unresolved, subpaths };
}

function readManifest(dir: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Every string target under `exports` (or `main` / `types`) with the subpath it is under (`.`
 * for a conditions object or a string at the top), skipping non-code files; each target once,
 * under `.` when that is one of its subpaths, else its first.
 */
function declaredTargets(
  manifest: Record<string, unknown>,
): { target: string; subpath: string }[] {
  const targets = new Map<string, string>();
  const visit = (value: unknown, subpath: string): void => {
    if (typeof value === "string") {
      if (!targets.has(value) || subpath === ".") targets.set(value, subpath);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, subpath);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        visit(inner, key.startsWith(".") ? key : subpath);
      }
    }
  };
  visit(manifest.exports ?? [manifest.types, manifest.main].filter((v) => v !== undefined), ".");
  return [...targets]
    .filter(([target]) => /\.(m|c)?(j|t)sx?$/.test(target))
    .map(([target, subpath]) => ({ target, subpath }));
}

interface Layout {
  readonly outDir: string | undefined;
  readonly rootDir: string;
}

function buildLayout(dir: string): Layout {
  const tsconfig = join(dir, "tsconfig.json");
  if (!existsSync(tsconfig)) return { outDir: undefined, rootDir: dir };
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dirname(tsconfig));
  const { outDir, rootDir } = parsed.options;
  return { outDir, rootDir: rootDir ?? join(dir, "src") };
}

/** Maps a built file (`dist/x.js`, `dist/x.d.ts`) or a source file to an existing source file. */
function toSource(target: string, layout: Layout): string | undefined {
  const inOutput =
    layout.outDir !== undefined && !relative(layout.outDir, target).startsWith("..")
      ? join(layout.rootDir, relative(layout.outDir, target))
      : target;
  const stem = inOutput.replace(/\.d\.(m|c)?ts$/, "").replace(/\.(m|c)?(j|t)sx?$/, "");
  for (const extension of SOURCE_EXTENSIONS) {
    const candidate = stem + extension;
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
