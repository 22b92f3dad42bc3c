/**
 * A file's size and modification time: enough to tell an edited or reinstalled file without
 * reading it. Keys what is built from our own installed files (the start-up snapshot, the cached
 * TSDoc readings).
 *
 * @internal
 */
import { statSync } from "node:fs";

/**
 * Stamps a file.
 *
 * @param file - an absolute path
 * @returns `size:mtimeMs`, or `missing` when there is no such file
 * @internal
 */
export function fileStamp(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats === undefined ? "missing" : `${String(stats.size)}:${String(stats.mtimeMs)}`;
}
