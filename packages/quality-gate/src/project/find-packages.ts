/**
 * Finds a repository's packages: every folder its workspace globs name that has a
 * `package.json` (exclusions honoured, `node_modules` never), plus the root itself when it is a
 * package of its own (not private, or declaring entry points); a repository that is not a
 * workspace is its own one package.
 */
import { globSync } from "../glob-sync.js";
import { readManifest } from "./package-manifest.js";
import type { PackageManifest } from "./package-manifest.js";
import { readWorkspaceGlobs } from "./workspace-globs.js";

/** One package of the repository. */
export interface WorkspacePackage {
  /** The package's folder, absolute. */
  readonly dir: string;
  /** Its manifest; a folder whose `package.json` cannot be read has a manifest of defaults. */
  readonly manifest: PackageManifest;
  /** Whether it is the repository root. */
  readonly isRoot: boolean;
}

/**
 * Lists the packages of a repository.
 *
 * @param root - the repository root
 * @returns the packages, the root first when it is one, then by folder
 * @example
 * ```ts
 * findPackages("/repo").map((pkg) => pkg.manifest.name); // ["@ladder/cache", "@ladder/quality-gate"]
 * ```
 */
export function findPackages(root: string): WorkspacePackage[] {
  const rootManifest = readManifest(root) ?? emptyManifest(root);
  const globs = readWorkspaceGlobs(root);
  if (globs === undefined || globs.include.length === 0) {
    return [{ dir: root, manifest: rootManifest, isRoot: true }];
  }
  const members = globSync(
    globs.include.map((glob) => `${glob}/package.json`),
    {
      cwd: root,
      absolute: true,
      ignore: ["**/node_modules/**", ...globs.exclude.map((glob) => `${glob}/package.json`)],
    },
  )
    .map((file) => file.slice(0, -"/package.json".length))
    .filter((dir) => dir !== root)
    .sort()
    .map((dir) => ({ dir, manifest: readManifest(dir) ?? emptyManifest(dir), isRoot: false }));
  const rootIsPackage = !rootManifest.private || declaresEntries(rootManifest);
  return rootIsPackage || members.length === 0
    ? [{ dir: root, manifest: rootManifest, isRoot: true }, ...members]
    : members;
}

/**
 * Whether a manifest names any entry point of its own.
 *
 * @param manifest - the package's manifest
 * @returns `true` when it has `exports`, an entry field or a `bin`
 * @example
 * ```ts
 * declaresEntries(readManifest("/repo")!); // false for a private workspace root
 * ```
 */
export function declaresEntries(manifest: PackageManifest): boolean {
  return (
    manifest.exports !== undefined ||
    Object.keys(manifest.fields).length > 0 ||
    Object.keys(manifest.bin).length > 0
  );
}

function emptyManifest(dir: string): PackageManifest {
  return {
    name: dir.split(/[\\/]/).pop() ?? dir,
    private: false,
    exports: undefined,
    fields: {},
    bin: {},
    scripts: {},
    dependencies: new Set(),
    packageManager: undefined,
  };
}
