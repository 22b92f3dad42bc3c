/**
 * The temporary folders a run creates (rung 3's coverage reports, a scaffold's staging folder),
 * kept in one list so that an interrupted run (Ctrl-C, a CI job's SIGTERM) removes them on its way
 * out instead of leaving one behind every time.
 *
 * @internal
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The folders created and not yet removed, in this process. */
const live = new Set<string>();

/**
 * Creates a uniquely named folder and remembers it until {@link removeTempDir}.
 *
 * @param parent - where (the system's temporary directory, or the repository for a staging
 *   folder that must be on the same file system)
 * @param prefix - the start of its name, such as `quality-gate-coverage-`
 * @returns the folder's path
 * @throws Error Node's error when the folder cannot be created
 * @internal
 */
export function makeTempDir(parent: string, prefix: string): string {
  const dir = mkdtempSync(join(parent, prefix));
  live.add(dir);
  return dir;
}

/**
 * Removes a folder made by {@link makeTempDir}, with everything in it; never throws.
 *
 * @param dir - the folder
 * @internal
 */
export function removeTempDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Removing a temporary folder is best effort; the system cleans its temporary directory.
  }
  live.delete(dir);
}

/**
 * Removes every folder this process made and has not removed yet: what an interrupted run does
 * before it exits.
 *
 * @returns how many folders it removed
 * @internal
 */
export function removeTempDirs(): number {
  const count = live.size;
  for (const dir of [...live]) removeTempDir(dir);
  return count;
}
