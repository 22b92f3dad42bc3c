// Builds a copy of the compiled TtlCache with every `hasSubscribers` guard and its publish call
// removed: the baseline against which the cost of telemetry with no subscriber is measured.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const DIST = new URL("../dist/", import.meta.url);
const GUARDED_PUBLISH =
  /if \(channels\.\w+\.hasSubscribers\)\s*channels\.\w+\.publish\([^;]*\);/g;

/**
 * Imports the telemetry-free variant of `TtlCache`.
 *
 * @returns {Promise<{ TtlCache: Function, removed: number }>} the class and how many guards
 *   were removed (0 means the pattern no longer matches the compiled code: fix this file)
 */
export async function importStrippedTtlCache() {
  const source = await readFile(new URL("ttl-cache.js", DIST), "utf8");
  let removed = 0;
  const stripped = source
    .replace(GUARDED_PUBLISH, () => {
      removed++;
      return ";";
    })
    .replace(/from "\.\/([\w-]+\.js)"/g, (_, file) => `from "${new URL(file, DIST).href}"`);
  const directory = await mkdtemp(join(tmpdir(), "ladder-bench-"));
  const file = join(directory, "ttl-cache.stripped.mjs");
  await writeFile(file, stripped);
  const module = await import(pathToFileURL(file).href);
  return { TtlCache: module.TtlCache, removed };
}
