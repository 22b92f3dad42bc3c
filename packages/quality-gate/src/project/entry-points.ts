/**
 * A package's public entry points: every target of its `package.json` `exports` (all subpaths,
 * all conditions, `*` patterns expanded over the source tree), else `main`, `module`, `types`,
 * `typings` and `source`; and every `bin`. Each is mapped back from build output to the source
 * file that produces it (see `map-to-source.ts`); when nothing names a source, `src/index.ts`
 * (or `index.ts`, `src/main.ts`) stands in for `.`.
 */
import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { globSync } from "../glob-sync.js";
import { isTypeScriptSource, mapToSource } from "./map-to-source.js";
import type { MappedBy } from "./map-to-source.js";
import type { OutputLayout } from "./output-layouts.js";
import type { PackageManifest } from "./package-manifest.js";

/** One entry point of a package. */
export interface EntryPoint {
  /** The subpath users import: `.`, `./client`, or `bin:<command>` for an executable. */
  readonly subpath: string;
  /** What `package.json` names, relative to the package (`./dist/client.js`). */
  readonly target: string;
  /** The source file behind it, absolute, or `undefined` when none was found. */
  readonly source: string | undefined;
  /** How the source was found; `fallback` when the package names no source and `src/index.ts` stood in. */
  readonly by: MappedBy | "fallback" | undefined;
}

/** A package's entry points. */
export interface PackageEntryPoints {
  /** Every entry point, in `package.json` order. */
  readonly entries: readonly EntryPoint[];
  /** The distinct source files behind them, in order. */
  readonly entryFiles: readonly string[];
  /**
   * The `exports` subpath each entry file is reached through (`"./sub"`), for the files not at
   * `"."`: `"."` wins when a file is reached through it and another subpath; executables and the
   * fallback are `"."`.
   */
  readonly subpaths: ReadonlyMap<string, string>;
  /**
   * Targets of subpaths that map to no source file at all, relative to the package (executables
   * left out: a `bin` is often a plain script).
   */
  readonly unresolved: readonly string[];
}

/** Files that are never code: data, styles, the manifest itself. */
const CODE_TARGET = /\.(?:[cm]?[jt]sx?|d\.[cm]?ts)$/;
/** Files a pattern never exports: declarations and tests. */
const NOT_ENTRIES = [
  "**/*.d.ts",
  "**/*.d.mts",
  "**/*.d.cts",
  "**/*.test.*",
  "**/*.spec.*",
  "**/__tests__/**",
];
const FALLBACKS = [
  "src/index.ts",
  "src/index.tsx",
  "src/index.mts",
  "index.ts",
  "src/main.ts",
  "src/mod.ts",
];

/**
 * Reads a package's entry points.
 *
 * @param dir - the package folder
 * @param manifest - its `package.json`
 * @param layouts - its output layouts (from its tsconfig files)
 * @returns the entry points, their source files and the targets that lead nowhere
 * @example
 * ```ts
 * findEntryPoints(dir, manifest, layouts).entryFiles; // ["/repo/packages/cache/src/index.ts"]
 * ```
 */
export function findEntryPoints(
  dir: string,
  manifest: PackageManifest,
  layouts: readonly OutputLayout[],
): PackageEntryPoints {
  const declared = declaredTargets(manifest);
  const entries: EntryPoint[] = [];
  for (const { subpath, target } of declared) {
    if (target.includes("*")) {
      entries.push(...expandPattern(dir, subpath, target, layouts));
      continue;
    }
    const mapped = mapToSource(resolve(dir, target), dir, layouts);
    entries.push({ subpath, target, source: mapped?.file, by: mapped?.by });
  }
  withFallback(dir, entries);
  const entryFiles: string[] = [];
  for (const entry of entries) {
    if (entry.source !== undefined && !entryFiles.includes(entry.source))
      entryFiles.push(entry.source);
  }
  // A target is unresolved when its subpath has no source at all; an executable's target often
  // is a plain script (not built from TypeScript), which is nothing to score.
  const sourced = new Set(
    entries.filter((entry) => entry.source !== undefined).map((entry) => entry.subpath),
  );
  const unresolved = [
    ...new Set(
      entries
        .filter((entry) => !sourced.has(entry.subpath) && !entry.subpath.startsWith("bin:"))
        .map((entry) => entry.target),
    ),
  ];
  return { entries: dedupe(entries), entryFiles, subpaths: subpathsOf(entries), unresolved };
}

/** The subpath of each entry file not reached through `"."` (executables count as `"."`). */
function subpathsOf(entries: readonly EntryPoint[]): Map<string, string> {
  const main = new Set<string>();
  const subpaths = new Map<string, string>();
  for (const { source, subpath } of entries) {
    if (source === undefined) continue;
    if (subpath === "." || subpath.startsWith("bin:")) main.add(source);
    else if (!subpaths.has(source)) subpaths.set(source, subpath);
  }
  for (const source of main) subpaths.delete(source);
  return subpaths;
}

/** Every (subpath, target) pair the manifest declares, code files only, each pair once. */
function declaredTargets(manifest: PackageManifest): { subpath: string; target: string }[] {
  const pairs: { subpath: string; target: string }[] = [];
  const add = (subpath: string, target: string): void => {
    if (CODE_TARGET.test(target) || target.includes("*")) pairs.push({ subpath, target });
  };
  const visit = (value: unknown, subpath: string): void => {
    if (typeof value === "string") add(subpath, value);
    else if (Array.isArray(value)) for (const item of value) visit(item, subpath);
    else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        // Keys that start with "." are subpaths; the others are conditions of this subpath.
        visit(inner, key.startsWith(".") ? key : subpath);
      }
    }
  };
  if (manifest.exports !== undefined && manifest.exports !== null) {
    visit(manifest.exports, ".");
  } else {
    const { source, types, typings, module, main } = manifest.fields;
    for (const target of [source, types, typings, module, main])
      if (target !== undefined) add(".", target);
  }
  for (const [command, target] of Object.entries(manifest.bin)) add(`bin:${command}`, target);
  const seen = new Set<string>();
  return pairs.filter((pair) => {
    const key = `${pair.subpath}\0${pair.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Expands `"./*": "./dist/*.js"` over the source tree: the target with a probe in place of `*` is
 * mapped to source like any target, which gives the source folder and extension the pattern
 * stands for; every source file there is then an entry, its subpath the pattern filled in.
 */
function expandPattern(
  dir: string,
  subpath: string,
  target: string,
  layouts: readonly OutputLayout[],
): EntryPoint[] {
  const probe = "__quality_gate_probe__";
  const probeTarget = resolve(dir, target.replace("*", probe));
  const afterStar = target.split("*")[1] ?? "";
  // Map the probe's folder: it exists when the pattern's files exist in source.
  const folder = probeFolder(probeTarget, probe, dir, layouts);
  if (folder === undefined) return [{ subpath, target, source: undefined, by: undefined }];
  const extension = /\.(?:[cm]?ts|tsx)$/.exec(afterStar)?.[0];
  const files = globSync(["**/*.{ts,tsx,mts,cts}"], {
    cwd: folder.dir,
    absolute: true,
    ignore: NOT_ENTRIES,
  });
  return files
    .filter(
      (file) => isTypeScriptSource(file) && (extension === undefined || file.endsWith(extension)),
    )
    .sort()
    .map((file) => {
      const name = relative(folder.dir, file)
        .split(sep)
        .join("/")
        .replace(/\.(?:[cm]?ts|tsx)$/, "");
      return {
        subpath: subpath.replace("*", name),
        target: target.replace("*", name),
        source: file,
        by: folder.by,
      };
    });
}

/** The source folder a pattern's probe maps to, found by mapping a file that exists there. */
function probeFolder(
  probeTarget: string,
  probe: string,
  dir: string,
  layouts: readonly OutputLayout[],
): { dir: string; by: MappedBy } | undefined {
  // The probe file does not exist; map its folder through a stand-in that might: its index.
  const index = probeTarget.replace(probe, "index");
  const mapped = mapToSource(index, dir, layouts);
  if (mapped !== undefined)
    return { dir: mapped.file.replace(/[\\/]index\.(?:[cm]?ts|tsx)$/, ""), by: mapped.by };
  for (const layout of layouts) {
    const rel = relative(layout.outDir, probeTarget);
    if (!rel.startsWith(".."))
      return { dir: join(layout.rootDir, rel, "..").replace(/[\\/]$/, ""), by: "tsconfig" };
  }
  return undefined;
}

/** When no entry point names a source file, the conventional entry file stands in for `.`. */
function withFallback(dir: string, entries: EntryPoint[]): void {
  if (entries.some((entry) => entry.source !== undefined && !entry.subpath.startsWith("bin:")))
    return;
  const fallback = FALLBACKS.map((file) => join(dir, file)).find((file) => existsSync(file));
  if (fallback === undefined) return;
  entries.unshift({
    subpath: ".",
    target: relative(dir, fallback).split(sep).join("/"),
    source: fallback,
    by: "fallback",
  });
}

/**
 * One entry per subpath and source: conditions that lead to the same file are one entry, and a
 * condition that leads nowhere is dropped when another of its subpath leads to a source.
 */
function dedupe(entries: readonly EntryPoint[]): EntryPoint[] {
  const seen = new Set<string>();
  const sourced = new Set(
    entries.filter((entry) => entry.source !== undefined).map((entry) => entry.subpath),
  );
  return entries.filter((entry) => {
    if (entry.source === undefined && sourced.has(entry.subpath)) return false;
    const key = `${entry.subpath}\0${entry.source ?? entry.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
