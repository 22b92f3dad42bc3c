/**
 * The repository around a working directory: its root, its packages, and which of them a
 * template's files belong in.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { globSync } from "tinyglobby";
import { parse as parseYaml } from "yaml";
import { QualityGateError } from "../errors.js";
import { readPackageJson } from "./read-package-json.js";

/** A package of the repository: its folder and `package.json` fields that matter here. */
export interface PackageInfo {
  /** The package folder, absolute. */
  readonly dir: string;
  /** `name` from `package.json`, or `undefined` when it has none. */
  readonly name: string | undefined;
  /** Every dependency name: dependencies, devDependencies and peerDependencies. */
  readonly dependencies: readonly string[];
  /** The workspace globs it declares (pnpm-workspace.yaml or `workspaces`), if it is a root. */
  readonly workspaces: readonly string[];
}

/**
 * Finds the repository root: the nearest folder with `.git`, else with `pnpm-workspace.yaml`,
 * else with `package.json`, else the folder itself.
 *
 * @param from - a folder inside the repository
 * @returns the root, absolute
 * @example
 * ```ts
 * repositoryRoot("/repo/packages/cache/src"); // "/repo"
 * ```
 */
export function repositoryRoot(from: string): string {
  for (const marker of [".git", "pnpm-workspace.yaml", "package.json"]) {
    const found = nearest(resolve(from), (dir) => existsSync(join(dir, marker)));
    if (found !== undefined) return found;
  }
  return resolve(from);
}

/**
 * Resolves a user-given folder inside the repository, refusing anything that could write
 * elsewhere.
 *
 * @param root - the repository root
 * @param cwd - the folder relative paths start from
 * @param path - the user's path
 * @returns the folder, absolute
 * @throws {@link QualityGateError} `UNSAFE_PATH` for an absolute path, a NUL byte, or a path
 *   that leaves the repository
 * @example
 * ```ts
 * insideRepository("/repo", "/repo", "packages/app"); // "/repo/packages/app"
 * ```
 */
export function insideRepository(root: string, cwd: string, path: string): string {
  const refuse = (why: string): never => {
    throw new QualityGateError(
      "UNSAFE_PATH",
      `${JSON.stringify(path)} ${why}; give a relative folder inside ${root}.`,
    );
  };
  if (path.includes("\0")) refuse("contains a NUL byte");
  if (isAbsolute(path)) refuse("is absolute");
  const target = resolve(cwd, path);
  const fromRoot = relative(root, target);
  if (fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    refuse("leaves the repository");
  }
  return target;
}

/**
 * Reads a package folder's `package.json`.
 *
 * @param dir - the package folder
 * @returns the package, or `undefined` when the folder has no `package.json`
 * @throws {@link QualityGateError} `BAD_PACKAGE_JSON` when it is not a JSON object
 * @example
 * ```ts
 * readPackage("/repo/packages/cache")?.name; // "@ladder/cache"
 * ```
 */
export function readPackage(dir: string): PackageInfo | undefined {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return undefined;
  const { json } = readPackageJson(file);
  const names = (field: unknown): string[] =>
    typeof field === "object" && field !== null ? Object.keys(field) : [];
  return {
    dir,
    name: typeof json.name === "string" ? json.name : undefined,
    dependencies: ["dependencies", "devDependencies", "peerDependencies"].flatMap((key) =>
      names(json[key]),
    ),
    workspaces: workspaceGlobs(dir, json.workspaces),
  };
}

/**
 * Lists a workspace root's member packages.
 *
 * @param root - the workspace root
 * @returns the packages its globs match, sorted by folder
 * @example
 * ```ts
 * workspacePackages(readPackage("/repo")!).map((pkg) => pkg.name); // ["@ladder/cache", …]
 * ```
 */
export function workspacePackages(root: PackageInfo): PackageInfo[] {
  if (root.workspaces.length === 0) return [];
  return globSync(
    root.workspaces.map((glob) => `${glob}/package.json`),
    { cwd: root.dir, ignore: ["**/node_modules/**"] },
  )
    .map((file) => readPackage(join(root.dir, dirname(file))))
    .filter((pkg): pkg is PackageInfo => pkg !== undefined)
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * Finds the nearest package at or above a folder, stopping at the repository root.
 *
 * @param root - the repository root
 * @param from - the folder to start from
 * @returns the package, or `undefined`
 * @example
 * ```ts
 * nearestPackage("/repo", "/repo/packages/cache/src")?.name; // "@ladder/cache"
 * ```
 */
export function nearestPackage(root: string, from: string): PackageInfo | undefined {
  const dir = nearest(from, (candidate) => existsSync(join(candidate, "package.json")), root);
  return dir === undefined ? undefined : readPackage(dir);
}

function workspaceGlobs(dir: string, field: unknown): string[] {
  const pnpm = join(dir, "pnpm-workspace.yaml");
  if (existsSync(pnpm)) {
    const parsed = parseYaml(readFileSync(pnpm, "utf8")) as { packages?: unknown } | null;
    return strings(parsed?.packages);
  }
  if (Array.isArray(field)) return strings(field);
  if (typeof field === "object" && field !== null) {
    return strings((field as { packages?: unknown }).packages);
  }
  return [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string" && !item.startsWith("!"))
    : [];
}

function nearest(
  from: string,
  found: (dir: string) => boolean,
  stop?: string,
): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dir === stop || dirname(dir) === dir) return undefined;
  }
}
