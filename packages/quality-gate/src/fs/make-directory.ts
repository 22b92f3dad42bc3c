/**
 * Creates a directory and its missing parents, one level at a time.
 *
 * Node's own `mkdirSync(path, { recursive: true })` loops forever at 100 % CPU when a parent is a
 * file system that answers every `mkdir` with ENOENT (`/proc/x/y` on Linux, seen on Node 20 and
 * 24). Walking the path ourselves bounds the work by the number of components and surfaces the
 * real error.
 *
 * @internal
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Makes sure `dir` exists as a directory.
 *
 * @param dir - an absolute path
 * @param mode - the mode of every directory it creates (default `0o777`, less the umask)
 * @returns the directories it created, outermost first (empty when `dir` existed), so that a
 *   caller undoing its work can remove them
 * @throws Error Node's error (ENOENT, EACCES, ENOTDIR, …) when a component cannot be created, or
 *   `ENOTDIR` when `dir` exists and is not a directory
 * @internal
 */
export function makeDirectory(dir: string, mode = 0o777): string[] {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    const stats = statSync(current, { throwIfNoEntry: false });
    if (stats !== undefined) {
      if (!stats.isDirectory()) throw notADirectory(current);
      break;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const created: string[] = [];
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path, { mode });
      created.push(path);
    } catch (error) {
      // Another process may have created it between the stat and the mkdir.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!statSync(path).isDirectory()) throw notADirectory(path);
    }
  }
  return created;
}

function notADirectory(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOTDIR: not a directory, mkdir '${path}'`);
  error.code = "ENOTDIR";
  error.path = path;
  return error;
}
