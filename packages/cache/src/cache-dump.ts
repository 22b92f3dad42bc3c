/**
 * Warm starts for {@link TtlCache}: `dump()` lists the live entries with the time each has left,
 * and `load(entries)` stores such a list, so a new cache (or a new process) starts where an old
 * one stopped instead of cold.
 *
 * Times are relative (`remaining` ms), never absolute: the cache's clock is monotonic and local to
 * the process (`performance.now()` restarts at 0), so an absolute expiry would mean nothing to
 * another process. The time between `dump` and `load` is therefore not counted; a caller that
 * keeps a dump across a restart subtracts the downtime from `remaining` itself.
 */
import type { CacheCore, TimedEntry } from "./cache-core.js";
import { isIterable } from "./batch-input.js";
import { checkDuration } from "./options.js";
import { OWNER } from "./ttl-cache-options.js";

/**
 * One entry as {@link TtlCache.dump} lists it and {@link TtlCache.load} takes it back.
 *
 * `Infinity` (an entry that never expires) is not JSON: `JSON.stringify` writes it as `null`, which
 * `load` rejects. Serialize dumps with `structuredClone`, `v8.serialize`, or a replacer/reviver that
 * maps `Infinity` to a string and back.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export interface DumpedEntry<K, V> {
  /** The key, as stored. */
  readonly key: K;
  /** The value, as stored (never cloned). */
  readonly value: V;
  /** The time to live the entry was given, in ms (`Infinity` for never). */
  readonly ttl: number;
  /** How much of it was left at the dump, in ms: more than 0, or `Infinity` for never. */
  readonly remaining: number;
}

/**
 * Lists the live entries of a cache, least recently used first, so that loading them in order
 * gives the same recency.
 *
 * @param core - the cache's state
 * @returns the entries, a copy
 * @internal
 */
export function dumpEntries<K, V>(core: CacheCore<K, V>): DumpedEntry<K, V>[] {
  const { store } = core;
  const now = core.now();
  const entries: DumpedEntry<K, V>[] = [];
  for (const slot of store.slots(true)) {
    const expiresAt = store.expiresAt[slot] as number;
    if (expiresAt <= now) continue;
    entries.push({
      key: store.keyAt(slot),
      value: store.values[slot] as V,
      ttl: store.ttls[slot] as number,
      remaining: expiresAt === Infinity ? Infinity : expiresAt - now,
    });
  }
  return entries;
}

/**
 * Checks what was passed to `load`, all of it, before anything is stored.
 *
 * @param entries - what the caller passed
 * @returns the entries as an array
 * @throws TypeError when `entries` is not iterable, an entry is not an object with `key` and
 *   `value`, or a time is not a number
 * @throws RangeError when a time is negative or NaN
 * @internal
 */
export function checkDumpedEntries<K, V>(entries: unknown): TimedEntry<K, V>[] {
  if (!isIterable(entries)) {
    throw new TypeError(
      `${OWNER}: load() takes an iterable of { key, value, ttl, remaining }, as dump() returns.`,
    );
  }
  const checked: TimedEntry<K, V>[] = [];
  for (const entry of entries) {
    const at = `entries[${checked.length}]`;
    if (typeof entry !== "object" || entry === null || !("key" in entry) || !("value" in entry)) {
      throw new TypeError(
        `${OWNER}: load(): \`${at}\` must be an object { key, value, ttl, remaining }, as dump() returns.`,
      );
    }
    const { key, value, ttl, remaining } = entry as Partial<DumpedEntry<K, V>>;
    checked.push({
      key: key as K,
      value: value as V,
      ttl: checkDuration(OWNER, `${at}.ttl`, ttl),
      remaining: checkDuration(OWNER, `${at}.remaining`, remaining),
    });
  }
  return checked;
}
