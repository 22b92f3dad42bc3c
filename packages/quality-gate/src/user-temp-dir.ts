/**
 * Where quality-gate keeps its per-machine accelerators (the code cache, the start-up snapshot):
 * one directory per user in the system's temporary directory, so another user's files in a shared
 * /tmp are never read.
 *
 * @internal
 */
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The current user's directory named `name` in the system's temporary directory.
 *
 * @param name - what the directory holds, such as `quality-gate-snapshot`
 * @returns the path, such as `/tmp/quality-gate-snapshot-1000`
 * @internal
 */
export function userTempDir(name: string): string {
  return join(tmpdir(), `${name}-${String(process.getuid?.() ?? "user")}`);
}
