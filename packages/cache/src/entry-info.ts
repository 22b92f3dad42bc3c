/**
 * What {@link TtlCache.info} and {@link TtlCache.getRemainingTtl} tell about one entry. Both are
 * pure reads: no hit or miss is counted, recency does not change, and nothing is removed, not even
 * an entry found expired (`has` and `get` remove those).
 */
import type { CacheCore } from "./cache-core.js";

/**
 * A stored entry as {@link TtlCache.info} describes it.
 *
 * @typeParam V - the value type
 */
export interface EntryInfo<V> {
  /** The value, as stored (never cloned). */
  readonly value: V;
  /** The time to live the entry was given when it was stored (or by `setTtl`), in ms. */
  readonly ttl: number;
  /**
   * Milliseconds until the TTL runs out: more than 0 while the entry is live, `Infinity` when it
   * never expires, 0 or less (how long ago it expired, negated) while it is stale.
   */
  readonly remaining: number;
  /**
   * `true` when the TTL has run out and the entry is kept only for a stale window
   * (`staleWhileRevalidate`, `staleIfError`): `fetch` may still answer with it, `get` does not.
   */
  readonly stale: boolean;
}

/**
 * Describes the entry of a key, live or stale.
 *
 * @param core - the cache's state
 * @param key - the key
 * @returns the entry's value, TTL, remaining time and staleness, or `undefined` when no entry is
 *   stored or it has expired past every stale window
 * @internal
 */
export function entryInfo<K, V>(core: CacheCore<K, V>, key: K): EntryInfo<V> | undefined {
  const slot = core.store.index.get(key);
  if (slot === undefined) return undefined;
  const expiresAt = core.store.expiresAt[slot] as number;
  const remaining = expiresAt === Infinity ? Infinity : expiresAt - core.now();
  if (remaining <= 0 && remaining + core.retention <= 0) return undefined;
  return {
    value: core.store.values[slot] as V,
    ttl: core.store.ttls[slot] as number,
    remaining,
    stale: remaining <= 0,
  };
}

/**
 * Returns how long the live entry of a key has left.
 *
 * @param core - the cache's state
 * @param key - the key
 * @returns milliseconds until it expires (`Infinity` for never), or `undefined` when no live entry
 *   is stored (absent, expired or stale)
 * @internal
 */
export function remainingTtl<K, V>(core: CacheCore<K, V>, key: K): number | undefined {
  const slot = core.store.index.get(key);
  if (slot === undefined) return undefined;
  const expiresAt = core.store.expiresAt[slot] as number;
  if (expiresAt === Infinity) return Infinity;
  const remaining = expiresAt - core.now();
  return remaining > 0 ? remaining : undefined;
}
