/**
 * The public surface of the TTL cache: every method is documented here and built from the
 * primitives of `cache-core.ts`; features too large for a few lines live in their own modules
 * (`cache-fetcher.ts`, `cache-dump.ts`, `entry-info.ts`, `size-budget.ts`, …).
 */
import { checkIterable, checkPairs } from "./batch-input.js";
import { CacheCore } from "./cache-core.js";
import type { CacheStats } from "./cache-core.js";
import { checkDumpedEntries, dumpEntries } from "./cache-dump.js";
import type { DumpedEntry } from "./cache-dump.js";
import { CacheFetcher } from "./cache-fetcher.js";
import type { Loader } from "./cache-fetcher.js";
import { resolveOldestFirst, resolveTtl } from "./call-options.js";
import type { FetchOptions, IterationOptions, SetOptions } from "./call-options.js";
import { entryInfo, remainingTtl } from "./entry-info.js";
import type { EntryInfo } from "./entry-info.js";
import { LoadRegistry } from "./load-registry.js";
import { checkDuration, checkFunction } from "./options.js";
import { OWNER, resolveTtlCacheOptions } from "./ttl-cache-options.js";
import type { TtlCacheOptions } from "./ttl-cache-options.js";

/**
 * An in-process key/value cache with a time to live per entry, optional bounds by count and by
 * size with least-recently-used eviction (or, with `policy: "tinylfu"`, W-TinyLFU admission), one
 * background sweep timer, single-flight loading with stale-while-revalidate, and
 * `diagnostics_channel` telemetry.
 *
 * Keys may be any value and are compared like `Map` keys (`1` and `"1"` are different keys);
 * values are stored as given, never cloned; a stored `undefined` is an entry; a TTL of `0` stores
 * an entry that is already expired. Every operation is synchronous and O(1) except `prune`,
 * iteration, `dump`, `clear` and the batch methods, which are O(n). Callbacks (`onEvict`,
 * `sizeCalculation`, loaders) and telemetry subscribers may call the cache back.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 *
 * @example
 * ```ts
 * import { TtlCache } from "@ladder/cache";
 *
 * interface User { name: string; email: string }
 * using users = new TtlCache<string, User>({ ttl: 300_000, maxEntries: 10_000 });
 *
 * users.set("user123", { name: "Alice", email: "alice@example.com" });
 * users.set("session:abc", { name: "Bob", email: "bob@example.com" }, { ttl: 5_000 });
 * users.get("user123"); // { name: "Alice", … }
 * const user = await users.fetch("user9", (id) => db.loadUser(id)); // one load per missing key
 * ```
 */
export class TtlCache<K, V> implements Disposable, Iterable<[K, V]> {
  readonly #core: CacheCore<K, V>;
  readonly #loads = new LoadRegistry<K, V>();
  readonly #fetcher: CacheFetcher<K, V>;

  /**
   * Creates an empty cache. No timer starts until an entry that can expire is stored.
   *
   * @param options - TTL, bounds, stale windows, sliding expiry, sweep interval, clock, telemetry
   *   name and eviction callback; see {@link TtlCacheOptions}
   * @throws TypeError when `options` has an unknown key, an option has the wrong type, or
   *   `sizeCalculation` is missing with a size bound (or given without one)
   * @throws RangeError when a duration (`ttl`, `sweepInterval`, the stale windows) is negative or
   *   NaN, or a bound (`maxEntries`, `maxSize`, `maxEntrySize`) is not a whole number of at least 1
   * @example
   * ```ts
   * const sessions = new TtlCache<string, Session>({ ttl: 60_000, sweepInterval: 10_000 });
   * ```
   */
  constructor(options?: TtlCacheOptions<K, V>) {
    this.#core = new CacheCore(resolveTtlCacheOptions(options));
    this.#fetcher = new CacheFetcher(this.#core, this.#loads);
  }

  /**
   * The number of entries stored now. Expired entries that nobody has touched since they expired
   * still count until the next sweep or `prune()`; call `prune()` first for an exact live count.
   * Stale entries (kept for a stale window) count until their window has passed.
   */
  get size(): number {
    return this.#core.store.size;
  }

  /**
   * The sum of the sizes of the stored entries, as `sizeCalculation` measured them; `0` in a
   * cache not bounded by size. Like `size`, it counts expired entries until they are removed.
   */
  get totalSize(): number {
    return this.#core.sizes?.total ?? 0;
  }

  /**
   * Returns the live value stored under `key` and marks the entry as recently used (and, with
   * `updateAgeOnGet`, restarts its TTL). An expired entry is removed and reads as a miss; a stale
   * one reads as a miss and stays, for `fetch`.
   *
   * @param key - the key to look up
   * @returns the value, or `undefined` when the key is absent or expired (use `has` to tell a stored
   *   `undefined` from a miss)
   * @throws whatever `onEvict` threw for the expired entry this call removed
   * @example
   * ```ts
   * cache.set("user123", alice);
   * cache.get("user123"); // alice
   * cache.get("nobody"); // undefined
   * ```
   */
  get(key: K): V | undefined {
    const core = this.#core;
    const slot = core.liveSlot(key);
    if (slot === undefined) {
      core.miss(key);
      return undefined;
    }
    // Read before publishing: a hit subscriber may delete the key or reuse its slot.
    const value = core.store.values[slot];
    core.hit(key, slot);
    return value;
  }

  /**
   * Returns the live value stored under `key` without using it: no hit or miss is counted, its
   * recency and TTL do not change (not even with `updateAgeOnGet`), and nothing is removed, not
   * even an entry found expired. For looking without disturbing, as in monitoring or debugging.
   *
   * @param key - the key to look up
   * @returns the value, or `undefined` when no live entry is stored (use `has` or `info` to tell a
   *   stored `undefined` from a miss)
   * @example
   * ```ts
   * cache.set("user123", alice);
   * cache.peek("user123"); // alice; the entry stays as least recently used as it was
   * ```
   */
  peek(key: K): V | undefined {
    const store = this.#core.store;
    const slot = store.index.get(key);
    if (slot === undefined) return undefined;
    return (store.expiresAt[slot] as number) > this.#core.now() ? store.values[slot] : undefined;
  }

  /**
   * Returns the live values of several keys, in their order, each read as `get` reads it (hits,
   * misses, recency, sliding expiry). Removals it causes are reported once all are read.
   *
   * @param keys - the keys to read, any iterable (an array, a `Set`, `map.keys()`)
   * @returns one value or `undefined` per key, in the order of `keys`
   * @throws TypeError when `keys` is not iterable
   * @throws whatever `onEvict` threw for an expired entry this call removed, after every read
   * @example
   * ```ts
   * const [alice, bob] = cache.getMany(["user1", "user2"]);
   * ```
   */
  getMany(keys: Iterable<K>): (V | undefined)[] {
    const core = this.#core;
    const values: (V | undefined)[] = [];
    for (const key of checkIterable("getMany", "keys", keys)) {
      const slot = core.liveSlot(key);
      if (slot === undefined) {
        core.recordMiss(key);
        values.push(undefined);
        continue;
      }
      values.push(core.store.values[slot]);
      core.hit(key, slot);
    }
    if (core.notices.pending) core.notices.deliver();
    return values;
  }

  /**
   * Removes the live entry under `key` and returns its value: `get` and `delete` in one step,
   * counted as a hit and a delete (a miss when absent). `onEvict` is not called, since the value is
   * handed to the caller rather than discarded: the caller owns it now.
   *
   * @param key - the key to take
   * @returns the value, or `undefined` when no live entry was stored (use `has` first to tell a
   *   stored `undefined` from a miss)
   * @throws whatever `onEvict` threw for an expired entry this call removed
   * @example
   * ```ts
   * const job = queueCache.take("job:42"); // only one worker gets it
   * ```
   */
  take(key: K): V | undefined {
    const core = this.#core;
    this.#loads.supersede(key);
    const slot = core.liveSlot(key);
    if (slot === undefined) {
      core.miss(key);
      return undefined;
    }
    const value = core.store.values[slot];
    core.take(key, slot);
    return value;
  }

  /**
   * Stores `value` under `key`, replacing any previous value, and marks it most recently used.
   * When the cache is full (`maxEntries`, `maxSize`), least recently used entries make room. A
   * value larger than `maxEntrySize` is not stored, and the key's previous entry leaves.
   *
   * @param key - any value; compared like a `Map` key
   * @param value - any value, `undefined` included; stored as given, never cloned
   * @param options - `ttl` for this entry, overriding the cache's default
   * @returns the cache, for chaining
   * @throws TypeError when `options` has an unknown key or `ttl` is not a number
   * @throws RangeError when `ttl` is negative or NaN; the cache is left unchanged
   * @throws whatever `sizeCalculation` throws, or a TypeError/RangeError for a size it returns that
   *   is not a whole number from 1 up; the cache is left unchanged
   * @throws whatever `onEvict` threw for an entry this call removed, once the value is stored
   * @example
   * ```ts
   * cache.set("user123", alice).set("session:abc", session, { ttl: 5_000 });
   * ```
   */
  set(key: K, value: V, options?: SetOptions): this {
    const core = this.#core;
    // resolveTtl only when options are given: the common call stays small enough to inline.
    const ttl = options === undefined ? core.ttl : resolveTtl(options, core.ttl);
    core.put(key, value, ttl); // first: a failing sizeCalculation leaves everything unchanged
    this.#loads.supersede(key);
    if (core.notices.pending) core.notices.deliver();
    return this;
  }

  /**
   * Stores several entries with the same options, in order, as `set` would (the last becomes the
   * most recently used). Everything is checked (and sized) before anything is stored; removals
   * are reported once all are stored.
   *
   * @param entries - `[key, value]` pairs, any iterable (an array, a `Map`)
   * @param options - `ttl` for every entry, overriding the cache's default
   * @returns the cache, for chaining
   * @throws TypeError when `entries` is not iterable, an entry is not a `[key, value]` array, or
   *   `options` is malformed; RangeError when `ttl` is negative or NaN. Nothing is stored then
   * @throws whatever `sizeCalculation` throws for an entry, before anything is stored
   * @throws whatever `onEvict` threw for an entry this call removed, once all are stored
   * @example
   * ```ts
   * cache.setMany([["user1", alice], ["user2", bob]], { ttl: 60_000 });
   * cache.setMany(new Map(rows.map((row) => [row.id, row])));
   * ```
   */
  setMany(entries: Iterable<readonly [K, V]>, options?: SetOptions): this {
    const core = this.#core;
    const ttl = resolveTtl(options, core.ttl);
    const pairs = checkPairs<K, V>(entries);
    const sizes = pairs.map(([key, value]) => core.measure(value, key));
    pairs.forEach(([key, value], i) => {
      core.putTimed({ key, value, ttl, remaining: ttl }, sizes[i]);
      this.#loads.supersede(key);
    });
    if (core.notices.pending) core.notices.deliver();
    return this;
  }

  /**
   * Tells whether a live entry is stored under `key`, without counting a hit or miss and without
   * changing its recency (with `updateAgeOnHas`, it restarts the entry's TTL). An expired entry is
   * removed and reported absent.
   *
   * @param key - the key to look up
   * @returns `true` when a live entry exists, even if its value is `undefined`
   * @throws whatever `onEvict` threw for the expired entry this call removed
   * @example
   * ```ts
   * cache.set("maybe", undefined);
   * cache.has("maybe"); // true
   * cache.get("maybe"); // undefined
   * ```
   */
  has(key: K): boolean {
    const core = this.#core;
    const slot = core.liveSlot(key);
    if (slot === undefined) {
      if (core.notices.pending) core.notices.deliver();
      return false;
    }
    if (core.updateAgeOnHas) core.restartTtl(slot);
    return true;
  }

  /**
   * Gives the live entry under `key` a new time to live, counted from now, without changing its
   * value, its recency or the counters. The new TTL is the entry's own from then on (sliding
   * expiry restarts it). `0` expires the entry at once, as a `set` with TTL 0 would.
   *
   * @param key - the key of a live entry
   * @param ttl - the new time to live in ms; `Infinity` for never
   * @returns `true` when a live entry got the new TTL; `false` when none is stored (absent,
   *   expired or stale: `setTtl` does not revive a stale entry)
   * @throws TypeError when `ttl` is not a number
   * @throws RangeError when `ttl` is negative or NaN; nothing changes
   * @throws whatever `onEvict` threw for an expired entry this call removed
   * @example
   * ```ts
   * cache.set("session:abc", session, { ttl: 5_000 });
   * cache.setTtl("session:abc", 60_000); // the user is active: keep the session a minute more
   * ```
   */
  setTtl(key: K, ttl: number): boolean {
    const core = this.#core;
    checkDuration(OWNER, "ttl", ttl);
    const slot = core.liveSlot(key);
    if (slot !== undefined) core.retime(slot, ttl);
    if (core.notices.pending) core.notices.deliver();
    return slot !== undefined;
  }

  /**
   * Returns how long the live entry under `key` has left, without touching it (no hit or miss,
   * no recency change, nothing removed).
   *
   * @param key - the key to look up
   * @returns milliseconds until the entry expires, `Infinity` when it never does, or `undefined`
   *   when no live entry is stored (absent, expired or stale). A live entry always has more than 0.
   * @example
   * ```ts
   * cache.set("session:abc", session, { ttl: 5_000 });
   * cache.getRemainingTtl("session:abc"); // 5000, falling as time passes
   * cache.getRemainingTtl("nobody"); // undefined
   * ```
   */
  getRemainingTtl(key: K): number | undefined {
    return remainingTtl(this.#core, key);
  }

  /**
   * Describes the entry stored under `key`: its value, the TTL it was given, the time it has left
   * and whether it is stale. Like `getRemainingTtl`, it changes nothing. A stale entry (past its
   * TTL, kept for a stale window) is reported with `stale: true`; it is the one way to see one.
   *
   * @param key - the key to look up
   * @returns the entry's description, or `undefined` when nothing is stored under `key` or the entry
   *   has expired past every stale window
   * @example
   * ```ts
   * cache.set("user123", alice, { ttl: 60_000 });
   * cache.info("user123"); // { value: alice, ttl: 60000, remaining: 60000, stale: false }
   * ```
   */
  info(key: K): EntryInfo<V> | undefined {
    return entryInfo(this.#core, key);
  }

  /**
   * Removes the entry stored under `key`. A load in flight for the key will not be cached.
   *
   * @param key - the key to remove
   * @returns `true` when a live entry was removed; `false` when it was absent or already expired
   * @throws whatever `onEvict` threw for the removed entry, once it is gone
   * @example
   * ```ts
   * cache.delete("user123"); // true
   * cache.delete("user123"); // false
   * ```
   */
  delete(key: K): boolean {
    const core = this.#core;
    this.#loads.supersede(key);
    const deleted = core.deleteKey(key);
    if (core.notices.pending) core.notices.deliver();
    return deleted;
  }

  /**
   * Removes every entry (each reaches `onEvict` with reason `"cleared"`). Statistics are kept;
   * loads in flight will not be cached.
   *
   * @throws whatever `onEvict` threw, once the cache is empty and every entry was reported (an
   *   `AggregateError` when several calls threw)
   * @example
   * ```ts
   * cache.clear();
   * cache.size; // 0
   * ```
   */
  clear(): void {
    this.#loads.supersedeAll();
    this.#core.removeAll();
    if (this.#core.notices.pending) this.#core.notices.deliver();
  }

  /**
   * Lists the keys of live entries, from most to least recently used (or the other way round).
   * Expired and stale entries are skipped; nothing is counted, touched or removed.
   *
   * @param options - `order: "least-recent-first"` to start with the next entry to be evicted
   * @returns an iterator over a snapshot, so the cache may be changed while iterating
   * @throws TypeError when `options` has an unknown key or `order` is neither order
   * @example
   * ```ts
   * const keys = [...cache.keys()];
   * const nextToGo = cache.keys({ order: "least-recent-first" }).next().value;
   * ```
   */
  keys(options?: IterationOptions): IterableIterator<K> {
    return this.#live(options)
      .map(([key]) => key)
      .values();
  }

  /**
   * Lists the values of live entries, in the order of {@link TtlCache.keys}.
   *
   * @param options - `order: "least-recent-first"` to start with the next entry to be evicted
   * @returns an iterator over a snapshot, so the cache may be changed while iterating
   * @throws TypeError when `options` has an unknown key or `order` is neither order
   * @example
   * ```ts
   * const total = [...cache.values()].reduce((sum, order) => sum + order.amount, 0);
   * ```
   */
  values(options?: IterationOptions): IterableIterator<V> {
    return this.#live(options)
      .map(([, value]) => value)
      .values();
  }

  /**
   * Lists the live entries as `[key, value]` pairs, in the order of {@link TtlCache.keys}.
   *
   * @param options - `order: "least-recent-first"` to start with the next entry to be evicted
   * @returns an iterator over a snapshot, so the cache may be changed while iterating
   * @throws TypeError when `options` has an unknown key or `order` is neither order
   * @example
   * ```ts
   * for (const [key, value] of cache.entries()) console.log(key, value);
   * const byAge = new Map(cache.entries({ order: "least-recent-first" }));
   * ```
   */
  entries(options?: IterationOptions): IterableIterator<[K, V]> {
    return this.#live(options).values();
  }

  /**
   * Same as {@link TtlCache.entries}, so a cache can be spread or iterated with `for…of` like a
   * `Map`.
   *
   * @returns an iterator over a snapshot of the live `[key, value]` pairs, most recent first
   * @example
   * ```ts
   * const copy = new Map(cache);
   * ```
   */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /**
   * Calls `callback(value, key, cache)` for each live entry, most recently used first, as
   * `Map.prototype.forEach` does. It walks a snapshot, so the callback may change the cache.
   *
   * @param callback - called once per live entry
   * @param thisArg - the `this` of each call
   * @throws TypeError when `callback` is not a function
   * @throws whatever `callback` throws, stopping the walk
   * @example
   * ```ts
   * cache.forEach((user, id) => console.log(id, user.name));
   * ```
   */
  forEach(callback: (value: V, key: K, cache: this) => void, thisArg?: unknown): void {
    checkFunction(OWNER, "callback", callback);
    for (const [key, value] of this.#live(undefined)) callback.call(thisArg, value, key, this);
  }

  /**
   * Lists the live entries with the time each has left, least recently used first: what
   * {@link TtlCache.load} takes to warm up another cache. Stale and expired entries are left out;
   * nothing is counted, touched or removed.
   *
   * @returns a copy: `{ key, value, ttl, remaining }` per entry, values as stored (not cloned)
   * @example
   * ```ts
   * const snapshot = cache.dump();
   * process.once("beforeExit", () => saveToDisk(v8.serialize(snapshot)));
   * ```
   */
  dump(): DumpedEntry<K, V>[] {
    return dumpEntries(this.#core);
  }

  /**
   * Stores entries as {@link TtlCache.dump} listed them, each with the time it had left, in order
   * (the last becomes the most recently used), as `set` would: existing keys are replaced, the
   * bounds make room, and each counts as a set. The time between `dump` and `load` is not counted
   * (the clock is local to the process): subtract it from `remaining` to keep expiries exact.
   *
   * @param entries - `{ key, value, ttl, remaining }` objects; `remaining: 0` stores an entry that
   *   is already expired, as a TTL of 0 does
   * @throws TypeError when `entries` is not iterable or an entry is malformed; RangeError when a
   *   time is negative or NaN. Everything is checked (and sized) first: on error nothing is stored
   * @throws whatever `sizeCalculation` throws for an entry, before anything is stored
   * @throws whatever `onEvict` threw for an entry this call removed, once all are stored
   * @example
   * ```ts
   * const warm = new TtlCache<string, User>({ ttl: 300_000 });
   * warm.load(v8.deserialize(readFileSync("users.cache")));
   * ```
   */
  load(entries: Iterable<DumpedEntry<K, V>>): void {
    const core = this.#core;
    const checked = checkDumpedEntries<K, V>(entries);
    const sizes = checked.map((entry) => core.measure(entry.value, entry.key));
    checked.forEach((entry, i) => {
      core.putTimed(entry, sizes[i]);
      this.#loads.supersede(entry.key);
    });
    if (core.notices.pending) core.notices.deliver();
  }

  /**
   * Removes every expired entry now, as the background sweep does.
   *
   * @returns how many entries were removed
   * @throws whatever `onEvict` threw, once every expired entry is removed and reported
   * @example
   * ```ts
   * const removed = cache.prune();
   * ```
   */
  prune(): number {
    const removed = this.#core.removeExpired();
    if (this.#core.notices.pending) this.#core.notices.deliver();
    return removed;
  }

  /**
   * Returns the cache's counters, counted since it was created (`clear` does not reset them).
   *
   * @returns a snapshot of hits, misses, sets, deletes, evictions, expirations, size and hit rate
   * @example
   * ```ts
   * const { hitRate, size } = cache.stats();
   * ```
   */
  stats(): CacheStats {
    return this.#core.stats();
  }

  /**
   * Returns the live value for `key`, or loads it once however many callers ask at the same time
   * (single flight): the first miss calls `loader(key, { signal, context })`, later callers share
   * its promise, and the result is stored with the given `ttl`. A loader that throws or rejects
   * rejects every waiter and stores nothing; so does a `sizeCalculation` that throws for the loaded
   * value, while a value larger than `maxEntrySize` reaches the waiters unstored. A loader may call the cache, even `fetch` of its own
   * key (which joins its own load: awaiting that inside the loader would wait for itself).
   *
   * With `staleWhileRevalidate`, an entry whose TTL ran out less than that long ago is returned at
   * once (counted as a hit) while one background load refreshes it. With `staleIfError`, a load
   * that fails less than that long after the entry's expiry resolves with the stale value instead.
   *
   * @param key - the key to read or load
   * @param loader - produces the value on a miss; its `signal` aborts when the load is no longer
   *   wanted (the cache closed, or every waiting caller gave up)
   * @param options - `ttl` for the loaded value, `signal` to stop waiting, `forceRefresh` to load
   *   even on a hit, `context` for the loader
   * @returns a promise of the cached or loaded value; it rejects with `signal.reason` when the
   *   caller's signal aborts first
   * @throws TypeError synchronously when `loader` is not a function or `options` is malformed
   * @throws RangeError synchronously when `options.ttl` is negative or NaN
   *
   * @typeParam C - the type of `options.context`, as the loader receives it
   * @example
   * ```ts
   * const user = await users.fetch(
   *   "user9",
   *   async (id, { signal, context }) => {
   *     const response = await fetch(`https://api.example.com/${context?.tenant}/users/${id}`, {
   *       signal,
   *     });
   *     return (await response.json()) as User;
   *   },
   *   { signal: AbortSignal.timeout(2_000), context: { tenant: "acme" } },
   * );
   * ```
   */
  fetch<C = unknown>(key: K, loader: Loader<K, V, C>, options?: FetchOptions<C>): Promise<V> {
    return this.#fetcher.fetch(key, loader, options);
  }

  /**
   * Stops the sweep timer and aborts every load in flight: each loader's signal fires, every
   * caller waiting for a load rejects at once with the same reason (shutdown never hangs on a
   * loader that ignores its signal), and a value such a loader still produces later is dropped,
   * neither stored nor delivered. The cache stays usable afterwards as a lazily expiring cache
   * with no timer; a later `fetch` starts a new load.
   *
   * @example
   * ```ts
   * process.on("SIGTERM", () => cache.close());
   * ```
   */
  close(): void {
    const core = this.#core;
    core.closed = true;
    core.sweeper.stop();
    this.#loads.abortAll(new Error(`${OWNER} "${core.name}" was closed during the load.`));
  }

  /**
   * Same as {@link TtlCache.close}, so a cache declared with `using` is closed at the end of its
   * scope.
   *
   * @example
   * ```ts
   * {
   *   using cache = new TtlCache<string, number>();
   * } // closed here
   * ```
   */
  [Symbol.dispose](): void {
    this.close();
  }

  /** The live entries now, in the order the options ask for. */
  #live(options: IterationOptions | undefined): [K, V][] {
    const oldestFirst = resolveOldestFirst(options);
    return this.#core.snapshot(this.#core.isLive(), oldestFirst);
  }
}
