// Replays a trace through a TtlCache, as an application reading through it would: a read that
// misses stores the key. The hit ratio counts every request, the first ones (cold misses) too.
import { TtlCache } from "../../dist/index.js";

/**
 * Replays a trace through a TtlCache with the given policy.
 *
 * @param {Uint32Array} trace - the keys
 * @param {number} capacity - `maxEntries`
 * @param {"lru" | "tinylfu"} policy - the eviction policy
 * @returns {number} the hit ratio, 0..1
 */
export function cacheHitRatio(trace, capacity, policy) {
  const cache = new TtlCache({ maxEntries: capacity, policy, ttl: Infinity, sweepInterval: 0 });
  let hits = 0;
  for (const key of trace) {
    if (cache.get(key) === undefined) cache.set(key, true);
    else hits++;
  }
  return hits / trace.length;
}
