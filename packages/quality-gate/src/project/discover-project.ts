/**
 * What the gate knows of a repository before any rung runs: its packages with their public entry
 * points (mapped back to source), and the TypeScript projects it type-checks. Every rung reads
 * the repository through this one description, so they all agree on what "the repository" is,
 * from whatever directory the gate was started.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { declaresEntries, findPackages } from "./find-packages.js";
import type { WorkspacePackage } from "./find-packages.js";
import { findEntryPoints } from "./entry-points.js";
import type { PackageEntryPoints } from "./entry-points.js";
import { findTsconfigs } from "./find-tsconfigs.js";
import type { TsconfigProject } from "./find-tsconfigs.js";
import { readOutputLayouts } from "./output-layouts.js";

/** A package and its public entry points. */
export interface ProjectPackage extends WorkspacePackage {
  /** Its entry points, each with the source file behind it. */
  readonly entries: PackageEntryPoints;
}

/** A repository, as the rungs see it. */
export interface Project {
  /** The repository root, absolute. */
  readonly root: string;
  /** Its packages: the workspace's, or the root alone. */
  readonly packages: readonly ProjectPackage[];
  /** The TypeScript projects it type-checks, solutions first. */
  readonly tsconfigs: readonly TsconfigProject[];
}

/**
 * Describes a repository.
 *
 * @param root - the repository root, absolute
 * @param entryPoints - the configuration's `entryPoints` (files relative to the root), which
 *   replace every package's own: the repository is then one package with these entries
 * @returns its packages and TypeScript projects
 * @example
 * ```ts
 * discoverProject("/repo").packages.map((pkg) => pkg.entries.entryFiles);
 * ```
 */
export function discoverProject(root: string, entryPoints?: readonly string[]): Project {
  const found = findPackages(root);
  const described = found.map((pkg): ProjectPackage => ({
    ...pkg,
    entries: findEntryPoints(pkg.dir, pkg.manifest, readOutputLayouts([pkg.dir, root])),
  }));
  // A workspace's private members without entry points are apps, examples or docs: nothing
  // public to score. A root is a package of its own only when it has entry points.
  const published = described.filter((pkg) =>
    pkg.isRoot
      ? pkg.entries.entries.length > 0
      : declaresEntries(pkg.manifest) || !pkg.manifest.private,
  );
  const packages =
    entryPoints !== undefined
      ? [configuredPackage(root, found, entryPoints)]
      : published.length > 0 || described.length === 0
        ? published
        : described.slice(0, 1);
  // Without a root tsconfig every package's own is checked; with one, only those of the packages
  // scored whose entry files it leaves out (a private app outside it is its own script's business).
  const checked = existsSync(join(root, "tsconfig.json")) ? packages : described;
  const tsconfigs = findTsconfigs(
    root,
    checked.map((pkg) => ({ dir: pkg.dir, entryFiles: pkg.entries.entryFiles })),
  );
  return { root, packages, tsconfigs };
}

function configuredPackage(
  root: string,
  found: readonly WorkspacePackage[],
  entryPoints: readonly string[],
): ProjectPackage {
  const rootPackage = found.find((pkg) => pkg.isRoot) ?? found[0];
  const files = entryPoints.map((file) => resolve(root, file));
  return {
    dir: root,
    isRoot: true,
    manifest: rootPackage?.manifest ?? {
      name: root.split(/[\\/]/).pop() ?? root,
      private: false,
      exports: undefined,
      fields: {},
      bin: {},
      scripts: {},
      dependencies: new Set(),
      packageManager: undefined,
    },
    entries: {
      // Named by the user as the public entry files: each is the package's main entry.
      entries: entryPoints.map((target) => ({
        subpath: ".",
        target,
        source: resolve(root, target),
        by: "source",
      })),
      entryFiles: files,
      subpaths: new Map(),
      unresolved: [],
    },
  };
}
