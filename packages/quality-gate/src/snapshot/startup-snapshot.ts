/**
 * The snapshot this process started from, if it did: what a snapshot-started process finds on
 * `globalThis` (see `snapshot-entry.cts`). Loads no compiler, so the CLI can ask before it
 * chooses one.
 *
 * @internal
 */
import { SNAPSHOT_GLOBAL_NAME } from "./lib-reuse.js";
import type { StartupSnapshot } from "./snapshot-types.js";

/**
 * The snapshot this process started from.
 *
 * @returns the snapshot, or `undefined` in a process started the ordinary way
 * @internal
 */
export function startupSnapshot(): StartupSnapshot | undefined {
  const key = Symbol.for(SNAPSHOT_GLOBAL_NAME);
  return (globalThis as Record<symbol, StartupSnapshot | undefined>)[key];
}
