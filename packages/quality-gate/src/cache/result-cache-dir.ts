/**
 * Where `check` keeps a repository's incremental cache: `node_modules/.cache/quality-gate` when the
 * repository has a `node_modules` folder (installed repositories ignore it in git, and every tool
 * that caches per repository puts its cache there), else a folder for this repository in the
 * user's cache folder, so that checking a repository never adds a folder its `git status` would
 * show, or a commit would take up.
 */
import { createHash } from "node:crypto";
import { realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { cacheHome } from "../fs/cache-home.js";
import { openPrivateDirectory } from "../fs/private-directory.js";

/**
 * Picks the incremental cache's folder for a repository.
 *
 * @param root - the repository, absolute
 * @param env - the environment (for the user's cache folder)
 * @returns the folder (created when the cache is saved), or `undefined` when the user's cache
 *   folder cannot be made private to this user or `root` does not exist (then the run keeps no
 *   cache)
 * @example
 * ```ts
 * resultCacheDir("/repo", process.env); // "/repo/node_modules/.cache/quality-gate"
 * ```
 */
export function resultCacheDir(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const modules = join(root, "node_modules");
  if (statSync(modules, { throwIfNoEntry: false })?.isDirectory() === true) {
    return join(modules, ".cache", "quality-gate");
  }
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    return undefined; // No such repository: the ladder says so in its own words.
  }
  const id = createHash("sha256").update(real).digest("hex").slice(0, 16);
  const dir = openPrivateDirectory(join(cacheHome(env), "repositories", id), true);
  return dir.path;
}
