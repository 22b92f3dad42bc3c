// Builds a copy of the compiled package with telemetry compiled out: every `hasSubscribers` read of
// a channel becomes `false`, so the guarded publishes are dead code V8 drops. This is the baseline
// against which the cost of telemetry with no subscriber is measured.
//
// Every module of dist/ is copied (stripped where it publishes), so the copy keeps working however
// the cache is split into modules, and a guard that moves to another file is still removed.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const DIST = new URL("../dist/", import.meta.url);

/**
 * A channel's `hasSubscribers` read: `channels.hit.hasSubscribers` at a call site, or
 * `channel?.hasSubscribers` where the channel was looked up first.
 */
const HAS_SUBSCRIBERS = /\b(?:channels\.\w+|channel\??)\.hasSubscribers\b/g;

/**
 * Imports the telemetry-free variant of `TtlCache`.
 *
 * @returns {Promise<{ TtlCache: Function, removed: number }>} the class and how many checks
 *   were compiled out (0 means the pattern no longer matches the compiled code: fix this file)
 */
export async function importStrippedTtlCache() {
  const directory = await mkdtemp(join(tmpdir(), "ladder-bench-"));
  let removed = 0;
  for (const file of await readdir(DIST)) {
    if (!file.endsWith(".js")) continue;
    const source = await readFile(new URL(file, DIST), "utf8");
    const stripped = source.replace(HAS_SUBSCRIBERS, () => {
      removed++;
      return "false";
    });
    await writeFile(join(directory, file), stripped);
  }
  const module = await import(pathToFileURL(join(directory, "index.js")).href);
  return { TtlCache: module.TtlCache, removed };
}
