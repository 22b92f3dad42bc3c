// Builds a copy of the compiled package with every `hasSubscribers` guard and the publish call it
// guards removed: the baseline against which the cost of telemetry with no subscriber is measured.
//
// Every module of dist/ is copied (stripped where it publishes), so the copy keeps working however
// the cache is split into modules, and a guard that moves to another file is still removed.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const DIST = new URL("../dist/", import.meta.url);

/**
 * `if (channels.hit.hasSubscribers) publishKey(channels.hit, …);` and
 * `if (channels.sweep.hasSubscribers) channels.sweep.publish(…);`: one guarded call statement.
 */
const GUARDED_PUBLISH = /if \(channels\.\w+\.hasSubscribers\)\s*[\w.]+\([^;]*\);/g;

/**
 * Imports the telemetry-free variant of `TtlCache`.
 *
 * @returns {Promise<{ TtlCache: Function, removed: number }>} the class and how many guards
 *   were removed (0 means the pattern no longer matches the compiled code: fix this file)
 */
export async function importStrippedTtlCache() {
  const directory = await mkdtemp(join(tmpdir(), "ladder-bench-"));
  let removed = 0;
  for (const file of await readdir(DIST)) {
    if (!file.endsWith(".js")) continue;
    const source = await readFile(new URL(file, DIST), "utf8");
    const stripped = source.replace(GUARDED_PUBLISH, () => {
      removed++;
      return ";";
    });
    await writeFile(join(directory, file), stripped);
  }
  const module = await import(pathToFileURL(join(directory, "index.js")).href);
  return { TtlCache: module.TtlCache, removed };
}
