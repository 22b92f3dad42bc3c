/**
 * The state of a {@link TtlCache} and the primitive operations every public method is built from:
 * look a key up, store an entry, remove one, make room, count, publish. `TtlCache` is the
 * documented surface over it; features that need more than a few lines live in modules of their
 * own that take the core (`cache-fetch.ts`, …).
 *
 * The rule that keeps it re-entrancy-safe: a primitive never runs user code. Removals queue their
 * notices, and the public method that called the primitives delivers them as its last step.
 * Internal: only {@link CacheStats} is public.
 */
import type { Channel } from "node:diagnostics_channel";
import { EntryStore, NIL } from "./entry-store.js";
import { EvictionNotices } from "./eviction-notices.js";
import { SizeBudget } from "./size-budget.js";
import { SweepTimer } from "./sweep-timer.js";
import { channels } from "./telemetry.js";
import { REGIONS, TinyLfu } from "./tiny-lfu.js";
import type { RoomMaker } from "./tiny-lfu.js";
import type { EvictionReason, ResolvedTtlCacheOptions } from "./ttl-cache-options.js";

/** Counters returned by {@link TtlCache.stats}, counted since the cache was created. */
export interface CacheStats {
  /**
   * Reads (`get`, `getMany`, `take`, `fetch`) that found a live entry, and `fetch` calls answered with a stale value
   * under `staleWhileRevalidate`.
   */
  readonly hits: number;
  /** Reads that found nothing live. Each caller of a shared `fetch` counts once. */
  readonly misses: number;
  /** Entries stored, by `set` or by a completed `fetch`. */
  readonly sets: number;
  /** Live entries removed by `delete` or `take`. */
  readonly deletes: number;
  /** Entries dropped to respect `maxEntries` or `maxSize`: the least recently used, or the victim of the `tinylfu` policy. */
  readonly evictions: number;
  /**
   * Entries the `tinylfu` policy turned away: pushed out of its admission window while the cache
   * was full, they were used less often than the entry they would have replaced. Counted apart
   * from `evictions` (each removal counts once); always `0` with the `lru` policy.
   */
  readonly rejections: number;
  /** Expired entries removed, each counted once however it was found. */
  readonly expirations: number;
  /** Entries stored now, as {@link TtlCache.size}. */
  readonly size: number;
  /** `hits / (hits + misses)`, or `0` before the first read. */
  readonly hitRate: number;
}

/** An entry to store with the time it has left (`load`, `setMany`). @internal */
export interface TimedEntry<K, V> {
  readonly key: K;
  readonly value: V;
  /** Its time to live, in ms: what sliding expiry restarts and `info` reports. */
  readonly ttl: number;
  /** How much of it is left, in ms. */
  readonly remaining: number;
}

/** An entry about to be written, with its absolute expiry. */
interface PlacedEntry<K, V> {
  readonly key: K;
  readonly value: V;
  readonly ttl: number;
  readonly expiresAt: number;
}

/**
 * Publishes a per-key message. Kept out of line so that the hot methods stay small enough for V8
 * to inline them whole; with no subscriber it is never called.
 *
 * @param channel - the channel
 * @param cache - the cache's name
 * @param key - the key concerned
 * @internal
 */
export function publishKey(channel: Channel, cache: string, key: unknown): void {
  channel.publish({ cache, key });
}

/**
 * The state and primitives of one cache.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class CacheCore<K, V> implements RoomMaker {
  readonly store: EntryStore<K, V>;
  readonly notices: EvictionNotices<K, V>;
  readonly sweeper: SweepTimer;
  readonly now: () => number;
  readonly name: string;
  /** The default TTL, in ms. */
  readonly ttl: number;
  readonly maxEntries: number;
  /** ms after expiry during which `fetch` serves the stale value and reloads in the background. */
  readonly staleWhileRevalidate: number;
  /** ms after expiry during which a failed load resolves with the stale value. */
  readonly staleIfError: number;
  /** How long an entry is kept after its expiry: the longer stale window (0 without one). */
  readonly retention: number;
  /** Sliding expiry: a hit restarts the entry's TTL. */
  readonly updateAgeOnGet: boolean;
  /** Sliding expiry: a `has` that finds the entry restarts its TTL. */
  readonly updateAgeOnHas: boolean;
  /** The size bound; `undefined` unless `maxSize` or `maxEntrySize` is set. */
  readonly sizes: SizeBudget<K, V> | undefined;
  /** The TinyLFU policy; `undefined` with the default LRU policy, whose hot path it stays off. */
  readonly policy: TinyLfu<K, V> | undefined;
  /** Set by `close()`: the sweep timer is not started again. */
  closed = false;
  hits = 0;
  misses = 0;
  sets = 0;
  deletes = 0;
  evictions = 0;
  rejections = 0;
  expirations = 0;

  /**
   * Creates the state of an empty cache.
   *
   * @param options - the validated constructor options
   */
  constructor(options: ResolvedTtlCacheOptions<K, V>) {
    this.ttl = options.ttl;
    this.maxEntries = options.maxEntries;
    this.now = options.now;
    this.name = options.name;
    this.staleWhileRevalidate = options.staleWhileRevalidate;
    this.staleIfError = options.staleIfError;
    this.retention = Math.max(options.staleWhileRevalidate, options.staleIfError);
    this.updateAgeOnGet = options.updateAgeOnGet;
    this.updateAgeOnHas = options.updateAgeOnHas;
    const limits = options.sizes;
    this.sizes =
      limits === undefined
        ? undefined
        : new SizeBudget(limits.maxSize, limits.maxEntrySize, limits.sizeCalculation);
    this.notices = new EvictionNotices(options.onEvict, options.name);
    const tinyLfu = options.policy === "tinylfu";
    this.store = new EntryStore<K, V>(options.maxEntries, tinyLfu ? REGIONS : 1);
    this.policy = tinyLfu
      ? new TinyLfu(this.store, this.sizes, {
          maxEntries: options.maxEntries,
          maxSize: limits?.maxSize ?? Infinity,
        })
      : undefined;
    this.sweeper = new SweepTimer(options.sweepInterval, () => {
      this.sweep();
    });
  }

  /**
   * Finds the live entry of a key. An expired entry is removed (its notice queued), unless it is
   * still within a stale window: then it stays, for `fetch`, but is not live either.
   *
   * @param key - the key
   * @returns its slot, or `undefined` when absent, expired or stale
   */
  liveSlot(key: K): number | undefined {
    const store = this.store;
    const slot = store.index.get(key);
    if (slot === undefined) return undefined;
    const expiresAt = store.expiresAt[slot] as number;
    if (expiresAt !== Infinity) {
      const now = this.now();
      if (expiresAt <= now) {
        if (this.retention === 0 || expiresAt + this.retention <= now) this.expire(slot);
        return undefined;
      }
    }
    return slot;
  }

  /**
   * Finds an entry whose TTL has run out less than `window` ms ago. Removes nothing.
   *
   * @param key - the key
   * @param window - the stale window, in ms
   * @returns its slot, or `undefined` when absent, live, or stale for `window` ms or more
   */
  staleSlot(key: K, window: number): number | undefined {
    const slot = this.store.index.get(key);
    if (slot === undefined) return undefined;
    const expiresAt = this.store.expiresAt[slot] as number;
    const now = this.now();
    return expiresAt <= now && now < expiresAt + window ? slot : undefined;
  }

  /**
   * Removes the entry of a key for `delete`: counted as a delete when live, as an expiration
   * when it had expired (stale or not).
   *
   * @param key - the key
   * @returns whether a live entry was removed
   */
  deleteKey(key: K): boolean {
    const slot = this.store.index.get(key);
    if (slot === undefined) return false;
    const expiresAt = this.store.expiresAt[slot] as number;
    if (expiresAt !== Infinity && expiresAt <= this.now()) {
      this.expire(slot);
      return false;
    }
    this.deletes++;
    this.remove(slot, "deleted");
    return true;
  }

  /**
   * Counts a hit, marks the entry used and publishes it. Read the value first: a hit subscriber
   * may delete the key or reuse its slot.
   *
   * @param key - the key read
   * @param slot - its slot
   */
  recordHit(key: K, slot: number): void {
    this.hits++;
    if (this.policy === undefined) this.store.touch(slot);
    else this.policy.used(slot);
    if (channels.hit.hasSubscribers) publishKey(channels.hit, this.name, key);
  }

  /**
   * Counts and publishes a miss.
   *
   * @param key - the key read
   */
  recordMiss(key: K): void {
    this.misses++;
    if (channels.miss.hasSubscribers) publishKey(channels.miss, this.name, key);
  }

  /**
   * A read found the live entry in `slot`: restart its TTL under `updateAgeOnGet`, count and
   * publish the hit. Read the value first.
   *
   * @param key - the key read
   * @param slot - its slot
   */
  hit(key: K, slot: number): void {
    if (this.updateAgeOnGet) this.restartTtl(slot);
    this.recordHit(key, slot);
  }

  /**
   * A read found nothing live: report what the lookup removed, then count the miss.
   *
   * @param key - the key read
   * @throws whatever `onEvict` threw, after the miss is counted
   */
  miss(key: K): void {
    if (this.notices.pending) this.deliverThenMiss(key);
    else this.recordMiss(key);
  }

  /**
   * The miss path of a read when a lazy expiry left a notice: report it, then the miss.
   *
   * @param key - the key read
   * @throws whatever `onEvict` threw, after the miss is counted
   */
  deliverThenMiss(key: K): void {
    try {
      this.notices.deliver();
    } finally {
      this.recordMiss(key);
    }
  }

  /**
   * Delivers pending notices where there is no synchronous caller to throw to (a load completing,
   * the miss path of `fetch`): an `onEvict` error is rethrown in a microtask, so it reaches
   * `uncaughtException` the way a throwing `diagnostics_channel` subscriber does.
   */
  deliverOrReport(): void {
    try {
      this.notices.deliver();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  /**
   * Stores an entry as the most recently used one, making room first. Runs no user code, except
   * `sizeCalculation` in a size-bounded cache, which runs before anything changes.
   *
   * @param key - the key
   * @param value - the value
   * @param ttl - its time to live in ms, already validated
   * @throws whatever `sizeCalculation` throws, or the TypeError/RangeError for a bad size
   */
  put(key: K, value: V, ttl: number): void {
    const expiresAt = ttl === Infinity ? Infinity : this.now() + ttl;
    // The size-bounded path stays behind one small call, so this one stays small enough to inline.
    if (this.sizes === undefined) this.#write(key, value, ttl, expiresAt);
    else this.#measureAndPut(key, value, ttl, expiresAt);
  }

  /**
   * Stores an entry that has `remaining` ms left of its `ttl` (`load`, `setMany`), with its size
   * measured beforehand, so that a batch can measure every entry before it changes anything.
   *
   * @param entry - the entry, already validated
   * @param size - its size from {@link CacheCore.measure}; ignored without a size bound
   */
  putTimed(entry: TimedEntry<K, V>, size: number | undefined): void {
    const { key, value, ttl, remaining } = entry;
    const expiresAt = remaining === Infinity ? Infinity : this.now() + remaining;
    if (this.sizes !== undefined) {
      this.#putSized({ key, value, ttl, expiresAt }, size ?? this.sizes.measure(value, key));
    } else {
      this.#write(key, value, ttl, expiresAt);
    }
  }

  /**
   * Measures an entry for the size bound (runs `sizeCalculation`).
   *
   * @param value - the value
   * @param key - its key
   * @returns its size, or `undefined` in a cache without a size bound
   * @throws whatever `sizeCalculation` throws, or the TypeError/RangeError for a bad size
   */
  measure(value: V, key: K): number | undefined {
    return this.sizes?.measure(value, key);
  }

  /**
   * Restarts the TTL of a live entry from now (sliding expiry), keeping the TTL it was given.
   *
   * @param slot - a live entry's slot
   */
  restartTtl(slot: number): void {
    const ttl = this.store.ttls[slot] as number;
    if (ttl !== Infinity) this.store.expiresAt[slot] = this.now() + ttl;
  }

  /**
   * Gives a live entry a new TTL, counted from now.
   *
   * @param slot - a live entry's slot
   * @param ttl - the new time to live in ms, already validated
   */
  retime(slot: number, ttl: number): void {
    this.store.ttls[slot] = ttl;
    if (ttl === Infinity) {
      this.store.expiresAt[slot] = Infinity;
      return;
    }
    this.store.expiresAt[slot] = this.now() + ttl;
    if (!this.closed) this.sweeper.start();
  }

  /**
   * The one place that makes room: drops entries until `entries` more entries of `size` more
   * size fit within `maxEntries` and `maxSize`, the least recently used first, or as the TinyLFU
   * policy decides. No user code runs until the insert that follows is done (removals only queue
   * their notices), so nothing can refill the room in between (issue 19). It ends before emptying
   * the cache, as an entry never exceeds `maxSize` alone, and never drops `keep`.
   *
   * @param entries - how many entries are about to be added (0 or 1)
   * @param size - how much size they add (0 without a size bound)
   * @param keep - the slot of an entry being replaced, which must stay; {@link NIL} for none
   */
  makeRoom(entries: number, size: number, keep: number = NIL): void {
    if (this.policy !== undefined) {
      this.policy.makeRoom(this, entries, size, keep);
      return;
    }
    // LRU: the replaced entry was made most recent, so it is the last in line and never reached.
    while (this.over(entries, size)) this.drop(this.store.oldest, "evicted");
  }

  /**
   * Tells whether `entries` more entries of `size` more size would exceed a bound.
   *
   * @param entries - entries about to be added
   * @param size - size about to be added
   * @returns `true` when `maxEntries` or `maxSize` would be exceeded
   */
  over(entries: number, size: number): boolean {
    const sizes = this.sizes;
    return (
      this.store.size + entries > this.maxEntries ||
      (sizes !== undefined && sizes.total + size > sizes.maxSize)
    );
  }

  /**
   * Tells whether a slot's entry has expired, stale or not.
   *
   * @param slot - an occupied slot
   * @returns `true` once its TTL has run out
   */
  expired(slot: number): boolean {
    const expiresAt = this.store.expiresAt[slot] as number;
    return expiresAt !== Infinity && expiresAt <= this.now();
  }

  /**
   * Drops an entry to make room: an expiration if it had expired, else an eviction (the victim)
   * or a rejection (a TinyLFU candidate that lost).
   *
   * @param slot - an occupied slot
   * @param reason - why it leaves if it has not expired
   */
  drop(slot: number, reason: "evicted" | "rejected"): void {
    if (this.expired(slot)) {
      this.expire(slot);
      return;
    }
    if (reason === "evicted") this.evictions++;
    else this.rejections++;
    this.remove(slot, reason);
  }

  /**
   * Removes an expired entry, counting it.
   *
   * @param slot - its slot
   */
  expire(slot: number): void {
    this.expirations++;
    this.remove(slot, "expired");
  }

  /**
   * Removes an entry; its notice (onEvict, telemetry) is delivered when the operation ends.
   *
   * @param slot - its slot
   * @param reason - why it leaves
   */
  remove(slot: number, reason: EvictionReason): void {
    const key = this.store.keyAt(slot);
    const value = this.store.values[slot] as V;
    if (this.policy !== undefined) this.policy.removed(slot);
    this.store.remove(slot);
    if (this.sizes !== undefined) this.sizes.remove(slot);
    if (this.store.size === 0) this.sweeper.stop();
    this.notices.push(key, value, reason);
  }

  /**
   * Removes an entry whose value goes to the caller (`take`): no `onEvict`, since the entry is
   * not discarded; counted as a hit and a delete, and published as both.
   *
   * @param key - its key
   * @param slot - its slot, live
   */
  take(key: K, slot: number): void {
    if (this.policy !== undefined) this.policy.removed(slot);
    this.store.remove(slot);
    if (this.sizes !== undefined) this.sizes.remove(slot);
    if (this.store.size === 0) this.sweeper.stop();
    this.hits++;
    this.deletes++;
    // Published after the removal: a subscriber that calls back sees the entry gone.
    if (channels.hit.hasSubscribers) publishKey(channels.hit, this.name, key);
    if (channels.delete.hasSubscribers) publishKey(channels.delete, this.name, key);
  }

  /**
   * Removes every expired entry whose stale windows have passed too.
   *
   * @returns how many were removed
   */
  removeExpired(): number {
    const now = this.now();
    const retention = this.retention;
    let removed = 0;
    for (const slot of this.store.slots()) {
      if ((this.store.expiresAt[slot] as number) + retention <= now) {
        this.expire(slot);
        removed++;
      }
    }
    return removed;
  }

  /** Removes every entry, queueing a `"cleared"` notice for each when `onEvict` listens. */
  removeAll(): void {
    if (this.notices.listening) {
      for (const [key, value] of this.snapshot(() => true)) {
        this.notices.push(key, value, "cleared");
      }
    }
    this.store.clear();
    this.sizes?.clear();
    this.policy?.cleared();
    this.sweeper.stop();
  }

  /**
   * Lists entries in recency order.
   *
   * @param include - which slots to list
   * @param oldestFirst - `true` for least recently used first
   * @returns `[key, value]` pairs, a copy
   */
  snapshot(include: (slot: number) => boolean, oldestFirst = false): [K, V][] {
    const pairs: [K, V][] = [];
    for (const slot of this.store.slots(oldestFirst)) {
      if (include(slot)) pairs.push([this.store.keyAt(slot), this.store.values[slot] as V]);
    }
    return pairs;
  }

  /**
   * Returns a test for live slots, reading the clock once.
   *
   * @returns a function telling whether a slot's entry is live now
   */
  isLive(): (slot: number) => boolean {
    const now = this.now();
    return (slot) => (this.store.expiresAt[slot] as number) > now;
  }

  /**
   * Copies the counters.
   *
   * @returns the statistics
   */
  stats(): CacheStats {
    const reads = this.hits + this.misses;
    return {
      hits: this.hits,
      misses: this.misses,
      sets: this.sets,
      deletes: this.deletes,
      evictions: this.evictions,
      rejections: this.rejections,
      expirations: this.expirations,
      size: this.store.size,
      hitRate: reads === 0 ? 0 : this.hits / reads,
    };
  }

  /** The timer's sweep. An onEvict error thrown here reaches `uncaughtException`; the timer is already re-armed. */
  sweep(): void {
    const removed = this.removeExpired();
    if (channels.sweep.hasSubscribers) channels.sweep.publish({ cache: this.name, removed });
    if (this.notices.pending) this.notices.deliver();
  }

  /** `put` in a size-bounded cache: measure (user code, before any change), then store. */
  #measureAndPut(key: K, value: V, ttl: number, expiresAt: number): void {
    const size = (this.sizes as SizeBudget<K, V>).measure(value, key);
    this.#putSized({ key, value, ttl, expiresAt }, size);
  }

  /** Stores an entry in a cache without a size bound: insert (making room) or replace. */
  #write(key: K, value: V, ttl: number, expiresAt: number): void {
    const slot = this.store.index.get(key);
    this.sets++;
    if (slot === undefined) {
      this.makeRoom(1, 0);
      const inserted = this.store.insert(key, value, expiresAt, ttl);
      if (this.policy !== undefined) this.policy.added(inserted, key, 0);
    } else {
      this.#replace(slot, value, expiresAt, ttl);
    }
    this.#stored(key, expiresAt);
  }

  /** The end of a store: arm the sweep for an entry that can expire, publish the set. */
  #stored(key: K, expiresAt: number): void {
    if (expiresAt !== Infinity && !this.closed) this.sweeper.start();
    if (channels.set.hasSubscribers) publishKey(channels.set, this.name, key);
  }

  /**
   * `put` in a size-bounded cache. The size is measured first; a value too large is not stored
   * and the previous entry leaves. A replaced entry is used (made most recent) before room is
   * made, and kept: fitting alone, it is never dropped.
   */
  #putSized(entry: PlacedEntry<K, V>, size: number): void {
    const sizes = this.sizes as SizeBudget<K, V>;
    const { key, value, ttl, expiresAt } = entry;
    const slot = this.store.index.get(key);
    if (!sizes.fits(size)) {
      if (slot !== undefined) this.remove(slot, "replaced");
      return;
    }
    this.sets++;
    if (slot === undefined) {
      this.makeRoom(1, size);
      const inserted = this.store.insert(key, value, expiresAt, ttl);
      sizes.set(inserted, size);
      this.policy?.added(inserted, key, size);
    } else {
      this.#replace(slot, value, expiresAt, ttl);
      this.policy?.resized(slot, size - sizes.sizeOf(slot));
      sizes.set(slot, size);
      this.makeRoom(0, 0, slot);
    }
    this.#stored(key, expiresAt);
  }

  #replace(slot: number, value: V, expiresAt: number, ttl: number): void {
    const previous = this.store.values[slot] as V;
    this.store.values[slot] = value;
    this.store.expiresAt[slot] = expiresAt;
    this.store.ttls[slot] = ttl;
    if (this.policy === undefined) this.store.touch(slot);
    else this.policy.used(slot);
    if (previous !== value) this.notices.push(this.store.keyAt(slot), previous, "replaced");
  }
}
