import { EntryStore } from "./entry-store.js";
import { EvictionNotices } from "./eviction-notices.js";
import { checkFunction } from "./options.js";
import { SweepTimer } from "./sweep-timer.js";
import { channels } from "./telemetry.js";
import type { Channel } from "node:diagnostics_channel";
import type { CacheKeyMessage } from "./telemetry.js";
import { OWNER, resolveTtl, resolveTtlCacheOptions } from "./ttl-cache-options.js";
import type {
  EvictionReason,
  FetchOptions,
  SetOptions,
  TtlCacheOptions,
} from "./ttl-cache-options.js";

/** What {@link TtlCache.fetch} passes to a loader besides the key. */
export interface LoaderContext {
  /** Aborted when the cache is closed while the load is in flight. */
  readonly signal: AbortSignal;
}

/**
 * Produces the value for a key that missed, for {@link TtlCache.fetch}. It may return the value or
 * a promise of it; throwing is the same as rejecting.
 *
 * @param key - the key that missed, exactly as passed to `fetch`
 * @param context - carries the `signal` that aborts when the cache is closed
 * @returns the value to cache and hand to every waiter, or a promise of it
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export type Loader<K, V> = (key: K, context: LoaderContext) => V | PromiseLike<V>;

/** Counters returned by {@link TtlCache.stats}, counted since the cache was created. */
export interface CacheStats {
  /** Reads (`get`, `fetch`) that found a live entry. */
  readonly hits: number;
  /** Reads that found nothing live. Each caller of a shared `fetch` counts once. */
  readonly misses: number;
  /** Entries stored, by `set` or by a completed `fetch`. */
  readonly sets: number;
  /** Live entries removed by `delete`. */
  readonly deletes: number;
  /** Entries dropped to respect `maxEntries`. */
  readonly evictions: number;
  /** Expired entries removed, each counted once however it was found. */
  readonly expirations: number;
  /** Entries stored now, as {@link TtlCache.size}. */
  readonly size: number;
  /** `hits / (hits + misses)`, or `0` before the first read. */
  readonly hitRate: number;
}

/**
 * Publishes a per-key message. Kept out of line so that the hot methods stay small enough for V8
 * to inline them whole; with no subscriber it is never called.
 */
function publishKey(channel: Channel, cache: string, key: unknown): void {
  channel.publish({ cache, key });
}

interface InFlight<V> {
  readonly promise: Promise<V>;
  readonly controller: AbortController;
  /** Set when `set`, `delete` or `clear` touched the key during the load: its result is stale. */
  superseded: boolean;
}

/**
 * An in-process key/value cache with a time to live per entry, an optional bound with
 * least-recently-used eviction, one background sweep timer, single-flight loading and
 * `diagnostics_channel` telemetry.
 *
 * Keys may be any value and are compared like `Map` keys (`1` and `"1"` are different keys);
 * values are stored as given, never cloned. Every operation is synchronous and O(1) except
 * `prune`, `keys`, `entries` and `clear`, which are O(n).
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
export class TtlCache<K, V> implements Disposable {
  readonly #store: EntryStore<K, V>;
  readonly #ttl: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #name: string;
  readonly #notices: EvictionNotices<K, V>;
  readonly #sweeper: SweepTimer;
  readonly #inFlight = new Map<K, InFlight<V>>();
  #closed = false;
  #hits = 0;
  #misses = 0;
  #sets = 0;
  #deletes = 0;
  #evictions = 0;
  #expirations = 0;

  /**
   * Creates an empty cache. No timer starts until an entry that can expire is stored.
   *
   * @param options - TTL, bound, sweep interval, clock, telemetry name and eviction callback
   * @throws TypeError when `options` has an unknown key or an option has the wrong type
   * @throws RangeError when `ttl` or `sweepInterval` is negative or NaN, or `maxEntries` is not a
   *   whole number of at least 1
   * @example
   * ```ts
   * const sessions = new TtlCache<string, Session>({ ttl: 60_000, sweepInterval: 10_000 });
   * ```
   */
  constructor(options?: TtlCacheOptions<K, V>) {
    const resolved = resolveTtlCacheOptions(options);
    this.#ttl = resolved.ttl;
    this.#maxEntries = resolved.maxEntries;
    this.#now = resolved.now;
    this.#name = resolved.name;
    this.#notices = new EvictionNotices(resolved.onEvict, resolved.name);
    this.#store = new EntryStore<K, V>(resolved.maxEntries);
    this.#sweeper = new SweepTimer(resolved.sweepInterval, () => {
      this.#sweep();
    });
  }

  /**
   * The number of entries stored now. Expired entries that nobody has touched since they expired
   * still count until the next sweep or `prune()`; call `prune()` first for an exact live count.
   */
  get size(): number {
    return this.#store.size;
  }

  /**
   * Returns the live value stored under `key` and marks the entry as recently used. An expired
   * entry is removed and reads as a miss.
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
    const slot = this.#liveSlot(key);
    if (slot === undefined) {
      if (this.#notices.pending) this.#deliverThenMiss(key);
      else this.#recordMiss(key);
      return undefined;
    }
    // Read before publishing: a hit subscriber may delete the key or reuse its slot.
    const value = this.#store.values[slot];
    this.#recordHit(key, slot);
    return value;
  }

  /**
   * Stores `value` under `key`, replacing any previous value, and marks it most recently used.
   * When the cache is full, the least recently used entry makes room.
   *
   * @param key - any value; compared like a `Map` key
   * @param value - any value, `undefined` included; stored as given, never cloned
   * @param options - `ttl` for this entry, overriding the cache's default
   * @returns the cache, for chaining
   * @throws TypeError when `options` has an unknown key or `ttl` is not a number
   * @throws RangeError when `ttl` is negative or NaN; the cache is left unchanged
   * @throws whatever `onEvict` threw for an entry this call removed, once the value is stored
   * @example
   * ```ts
   * cache.set("user123", alice).set("session:abc", session, { ttl: 5_000 });
   * ```
   */
  set(key: K, value: V, options?: SetOptions): this {
    const expiresAt = this.#expiryFor(options);
    this.#supersede(key);
    this.#put(key, value, expiresAt);
    if (this.#notices.pending) this.#notices.deliver();
    return this;
  }

  /**
   * Tells whether a live entry is stored under `key`, without counting a hit or miss and without
   * changing its recency. An expired entry is removed and reported absent.
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
    const slot = this.#liveSlot(key);
    if (slot === undefined && this.#notices.pending) this.#notices.deliver();
    return slot !== undefined;
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
    this.#supersede(key);
    const slot = this.#liveSlot(key);
    if (slot !== undefined) {
      this.#deletes++;
      this.#remove(slot, "deleted");
    }
    if (this.#notices.pending) this.#notices.deliver();
    return slot !== undefined;
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
    for (const key of this.#inFlight.keys()) this.#supersede(key);
    if (this.#notices.listening) {
      for (const [key, value] of this.#snapshot(() => true)) {
        this.#notices.push(key, value, "cleared");
      }
    }
    this.#store.clear();
    this.#sweeper.stop();
    if (this.#notices.pending) this.#notices.deliver();
  }

  /**
   * Lists the keys of live entries, from most to least recently used. Expired entries are skipped.
   *
   * @returns an iterator over a snapshot, so the cache may be changed while iterating
   * @example
   * ```ts
   * const keys = [...cache.keys()];
   * ```
   */
  keys(): IterableIterator<K> {
    return this.#snapshot(this.#isLive())
      .map(([key]) => key)
      .values();
  }

  /**
   * Lists the live entries as `[key, value]` pairs, from most to least recently used.
   *
   * @returns an iterator over a snapshot, so the cache may be changed while iterating
   * @example
   * ```ts
   * for (const [key, value] of cache.entries()) console.log(key, value);
   * ```
   */
  entries(): IterableIterator<[K, V]> {
    return this.#snapshot(this.#isLive()).values();
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
    const removed = this.#removeExpired();
    if (this.#notices.pending) this.#notices.deliver();
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
    const reads = this.#hits + this.#misses;
    return {
      hits: this.#hits,
      misses: this.#misses,
      sets: this.#sets,
      deletes: this.#deletes,
      evictions: this.#evictions,
      expirations: this.#expirations,
      size: this.#store.size,
      hitRate: reads === 0 ? 0 : this.#hits / reads,
    };
  }

  /**
   * Returns the live value for `key`, or loads it once however many callers ask at the same time
   * (single flight): the first miss calls `loader(key, { signal })`, later callers share its
   * promise, and the result is stored with the given `ttl`. A loader that throws or rejects rejects
   * every waiter and stores nothing.
   *
   * @param key - the key to read or load
   * @param loader - produces the value on a miss; its `signal` aborts if the cache is closed
   * @param options - `ttl` for the loaded value, overriding the cache's default
   * @returns a promise of the cached or loaded value
   * @throws TypeError synchronously when `loader` is not a function or `options` is malformed
   * @throws RangeError synchronously when `options.ttl` is negative or NaN
   * @example
   * ```ts
   * const user = await users.fetch("user9", async (id, { signal }) => {
   *   const response = await fetch(`https://api.example.com/users/${id}`, { signal });
   *   return (await response.json()) as User;
   * });
   * ```
   */
  fetch(key: K, loader: Loader<K, V>, options?: FetchOptions): Promise<V> {
    checkFunction(OWNER, "loader", loader);
    this.#expiryFor(options); // validate now: bad options throw here, not after the load
    const slot = this.#liveSlot(key);
    if (slot !== undefined) {
      const value = this.#store.values[slot] as V;
      this.#recordHit(key, slot);
      return Promise.resolve(value);
    }
    // A promise-returning method throws only for bad input: onEvict errors are reported instead.
    if (this.#notices.pending) this.#deliverOrReport();
    this.#recordMiss(key);
    return (this.#inFlight.get(key) ?? this.#load(key, loader, options)).promise;
  }

  /**
   * Stops the sweep timer and aborts the signal of every load in flight. The cache stays usable
   * afterwards as a lazily expiring cache with no timer.
   *
   * @example
   * ```ts
   * process.on("SIGTERM", () => cache.close());
   * ```
   */
  close(): void {
    this.#closed = true;
    this.#sweeper.stop();
    for (const load of this.#inFlight.values()) {
      load.controller.abort(new Error(`${OWNER} "${this.#name}" was closed during the load.`));
    }
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

  #liveSlot(key: K): number | undefined {
    const slot = this.#store.index.get(key);
    if (slot === undefined) return undefined;
    const expiresAt = this.#store.expiresAt[slot] as number;
    if (expiresAt !== Infinity && expiresAt <= this.#now()) {
      this.#expire(slot);
      return undefined;
    }
    return slot;
  }

  #recordHit(key: K, slot: number): void {
    this.#hits++;
    this.#store.touch(slot);
    if (channels.hit.hasSubscribers) publishKey(channels.hit, this.#name, key);
  }

  #recordMiss(key: K): void {
    this.#misses++;
    if (channels.miss.hasSubscribers) publishKey(channels.miss, this.#name, key);
  }

  /** The miss path of `get` when a lazy expiry left a notice: report it, then the miss. */
  #deliverThenMiss(key: K): void {
    try {
      this.#notices.deliver();
    } finally {
      this.#recordMiss(key);
    }
  }

  /**
   * Delivers pending notices where there is no synchronous caller to throw to (the end of a load,
   * the miss path of `fetch`): an `onEvict` error is rethrown in a microtask, so it reaches
   * `uncaughtException` the way a throwing `diagnostics_channel` subscriber does.
   */
  #deliverOrReport(): void {
    try {
      this.#notices.deliver();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  #expiryFor(options: SetOptions | FetchOptions | undefined): number {
    const ttl = resolveTtl(options, this.#ttl);
    return ttl === Infinity ? Infinity : this.#now() + ttl;
  }

  #put(key: K, value: V, expiresAt: number): void {
    const slot = this.#store.index.get(key);
    this.#sets++;
    if (slot === undefined) {
      this.#makeRoom();
      this.#store.insert(key, value, expiresAt);
    } else {
      this.#replace(slot, value, expiresAt);
    }
    if (expiresAt !== Infinity && !this.#closed) this.#sweeper.start();
    if (channels.set.hasSubscribers) publishKey(channels.set, this.#name, key);
  }

  #replace(slot: number, value: V, expiresAt: number): void {
    const previous = this.#store.values[slot] as V;
    this.#store.values[slot] = value;
    this.#store.expiresAt[slot] = expiresAt;
    this.#store.touch(slot);
    if (previous !== value) this.#notices.push(this.#store.keyAt(slot), previous, "replaced");
  }

  /**
   * The one place that makes room for a new entry: drops least recently used entries until one
   * more fits. No user code runs until the insert that follows is done (removals only queue their
   * notices), so nothing can refill the room between here and there.
   */
  #makeRoom(): void {
    while (this.#store.size >= this.#maxEntries) this.#dropOldest();
  }

  #dropOldest(): void {
    const slot = this.#store.oldest;
    const expiresAt = this.#store.expiresAt[slot] as number;
    if (expiresAt !== Infinity && expiresAt <= this.#now()) {
      this.#expire(slot);
      return;
    }
    this.#evictions++;
    this.#remove(slot, "evicted");
  }

  #expire(slot: number): void {
    this.#expirations++;
    this.#remove(slot, "expired");
  }

  /** Removes an entry; its notice (onEvict, telemetry) is delivered when the operation ends. */
  #remove(slot: number, reason: EvictionReason): void {
    const key = this.#store.keyAt(slot);
    const value = this.#store.values[slot] as V;
    this.#store.remove(slot);
    if (this.#store.size === 0) this.#sweeper.stop();
    this.#notices.push(key, value, reason);
  }

  #removeExpired(): number {
    const now = this.#now();
    let removed = 0;
    for (const slot of this.#store.slots()) {
      if ((this.#store.expiresAt[slot] as number) <= now) {
        this.#expire(slot);
        removed++;
      }
    }
    return removed;
  }

  /** The timer's sweep. An onEvict error thrown here reaches `uncaughtException`; the timer is already re-armed. */
  #sweep(): void {
    const removed = this.#removeExpired();
    if (channels.sweep.hasSubscribers) channels.sweep.publish({ cache: this.#name, removed });
    if (this.#notices.pending) this.#notices.deliver();
  }

  /**
   * Starts a load. It is registered before the loader runs, so a loader (or a `fetch` trace
   * subscriber) that fetches the same key synchronously joins it instead of starting another.
   */
  #load(key: K, loader: Loader<K, V>, options: FetchOptions | undefined): InFlight<V> {
    const controller = new AbortController();
    let resolve!: (value: V) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const load: InFlight<V> = { controller, superseded: false, promise };
    this.#inFlight.set(key, load);
    const call = async (): Promise<V> => loader(key, { signal: controller.signal });
    const loading = channels.fetch.hasSubscribers
      ? channels.fetch.tracePromise(call, this.#message(key))
      : call();
    loading.then(
      (value) => {
        this.#settle(key, load);
        if (!load.superseded) {
          this.#put(key, value, this.#expiryFor(options));
          if (this.#notices.pending) this.#deliverOrReport();
        }
        resolve(value);
      },
      (error: unknown) => {
        this.#settle(key, load);
        reject(error);
      },
    );
    return load;
  }

  #settle(key: K, load: InFlight<V>): void {
    if (this.#inFlight.get(key) === load) this.#inFlight.delete(key);
  }

  #supersede(key: K): void {
    if (this.#inFlight.size === 0) return; // the common case: skip a hash lookup on every set
    const load = this.#inFlight.get(key);
    if (load === undefined) return;
    load.superseded = true;
    this.#inFlight.delete(key);
  }

  #isLive(): (slot: number) => boolean {
    const now = this.#now();
    return (slot) => (this.#store.expiresAt[slot] as number) > now;
  }

  #snapshot(include: (slot: number) => boolean): [K, V][] {
    const pairs: [K, V][] = [];
    for (const slot of this.#store.slots()) {
      if (include(slot)) pairs.push([this.#store.keyAt(slot), this.#store.values[slot] as V]);
    }
    return pairs;
  }

  #message(key: K): CacheKeyMessage<K> {
    return { cache: this.#name, key };
  }
}
