/**
 * Writes a file so that a reader sees the old text or the new, never half of one: the text goes to
 * a temporary file beside the target, which is then renamed over it (a rename within one directory
 * is atomic on POSIX file systems and on NTFS).
 *
 * @internal
 */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` atomically.
 *
 * @param path - the file
 * @param data - its new content
 * @param mode - the new file's mode (default `0o666`, less the umask)
 * @throws Error Node's error when the temporary file cannot be written or renamed; the temporary
 *   file is removed first
 * @internal
 */
export function writeAtomically(path: string, data: string | Uint8Array, mode = 0o666): void {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${String(process.pid)}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temporary, data, { mode, flag: "wx" });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
