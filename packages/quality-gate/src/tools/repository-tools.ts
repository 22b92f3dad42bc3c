/**
 * What a repository says about its tools, read once per run: which packages it declares (in any
 * of its manifests), which config files it has, which commands its scripts and lint-staged run,
 * and where each tool is installed for it. The rungs' tool adapters decide from these facts which
 * tool a repository uses and how; none of them runs anything.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../project/discover-project.js";
import { findPackages } from "../project/find-packages.js";
import { readManifest } from "../project/package-manifest.js";
import { findInstalled } from "./installed-package.js";
import type { InstalledPackage } from "./installed-package.js";
import { scriptCommands } from "./script-commands.js";
import type { ScriptCommand } from "./script-commands.js";

/** A repository's tools, as its files declare them. */
export interface RepositoryTools {
  /** The repository root. */
  readonly root: string;
  /** The root's scripts by name. */
  readonly scripts: Readonly<Record<string, string>>;
  /** Every command of every package's scripts, the root's first. */
  readonly commands: readonly ScriptCommand[];
  /** lint-staged's commands by glob, from `package.json` or a `.lintstagedrc*` file. */
  readonly lintStaged: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether any manifest declares a package (as any kind of dependency).
   *
   * @param name - the package
   * @returns `true` when declared
   */
  readonly declares: (name: string) => boolean;
  /**
   * The first of some files that exists at the root.
   *
   * @param names - file names, in order of preference
   * @returns its absolute path, or `undefined`
   */
  readonly file: (...names: string[]) => string | undefined;
  /**
   * Where a package is installed for the repository (the root first, then each package).
   *
   * @param name - the package
   * @returns the package, or `undefined` when it is not installed
   */
  readonly installed: (name: string) => InstalledPackage | undefined;
  /** The root `package.json`'s top-level keys (`prettier`, `eslintConfig`, …). */
  readonly manifestKeys: ReadonlySet<string>;
}

/**
 * Reads a repository's tools.
 *
 * @param project - the repository
 * @returns what it declares and where its tools are installed
 * @example
 * ```ts
 * readRepositoryTools(project).installed("prettier")?.version; // "3.3.3"
 * ```
 */
export function readRepositoryTools(project: Project): RepositoryTools {
  // The root's manifest counts even when the root is no package of its own (a private
  // workspace root): its scripts are how the repository runs its tools.
  const rootManifest = readManifest(project.root);
  const members = findPackages(project.root).filter((pkg) => !pkg.isRoot);
  const manifests = [
    ...(rootManifest === undefined ? [] : [rootManifest]),
    ...members.map((pkg) => pkg.manifest),
  ];
  const dirs = [project.root, ...members.map((pkg) => pkg.dir)];
  const installedCache = new Map<string, InstalledPackage | undefined>();
  const rawRoot = readJson(join(project.root, "package.json"));
  return {
    root: project.root,
    scripts: rootManifest?.scripts ?? {},
    commands: manifests.flatMap((manifest) =>
      Object.entries(manifest.scripts).flatMap(([name, text]) => scriptCommands(name, text)),
    ),
    lintStaged: readLintStaged(project.root, rawRoot),
    declares: (name) => manifests.some((manifest) => manifest.dependencies.has(name)),
    file: (...names) =>
      names.map((name) => join(project.root, name)).find((path) => existsSync(path)),
    installed: (name) => {
      if (!installedCache.has(name)) {
        installedCache.set(name, firstInstalled(name, dirs));
      }
      return installedCache.get(name);
    },
    manifestKeys: new Set(Object.keys(rawRoot ?? {})),
  };
}

function firstInstalled(name: string, dirs: readonly string[]): InstalledPackage | undefined {
  for (const dir of dirs) {
    const found = findInstalled(name, dir);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** lint-staged's config, when it is JSON (in package.json or .lintstagedrc / .lintstagedrc.json). */
function readLintStaged(
  root: string,
  manifest: Record<string, unknown> | undefined,
): Record<string, readonly string[]> {
  const config: unknown =
    manifest?.["lint-staged"] ??
    readJson(join(root, ".lintstagedrc.json")) ??
    readJson(join(root, ".lintstagedrc"));
  if (typeof config !== "object" || config === null) return {};
  return Object.fromEntries(
    Object.entries(config).map(([glob, commands]) => [
      glob,
      (Array.isArray(commands) ? commands : [commands]).filter(
        (command): command is string => typeof command === "string",
      ),
    ]),
  );
}
