/**
 * The `policy: "tinylfu"` of {@link TtlCache}: W-TinyLFU, the eviction policy of Caffeine
 * (Einziger, Friedman, Manes, "TinyLFU: A Highly Efficient Cache Admission Policy", 2017).
 *
 * New entries enter a small LRU window (1 % of the bound). An entry pushed out of the window is a
 * candidate for the main region, a segmented LRU: it joins the probation segment, and when the
 * cache is over its bound it is compared with the probation segment's least recently used entry,
 * the victim. The {@link FrequencySketch} estimates how often each was used recently (including
 * before it was last evicted); the less frequent one leaves: the victim with reason `"evicted"`,
 * or the candidate with reason `"rejected"`. A hit in probation promotes the entry to the
 * protected segment (80 % of the main region), whose least recently used entries fall back to
 * probation. So one-time keys (a scan) pass through the window without displacing the frequent
 * ones, and a loop larger than the cache keeps most of it cached instead of none. A
 * {@link HillClimber} resizes the window as the cache runs: it grows when recency predicts reuse
 * better than frequency (a hot set that keeps moving), and shrinks back when it does not.
 *
 * Regions are the store's recency lists (window, protected, probation), and the policy keeps a
 * hash and a region byte per slot in typed arrays: no allocation per entry. Like every primitive
 * of the core, it runs no user code; its removals go through the core, which queues the notices.
 *
 * @internal
 */
import { NIL } from "./entry-store.js";
import type { EntryStore } from "./entry-store.js";
import { FrequencySketch } from "./frequency-sketch.js";
import { HillClimber } from "./hill-climber.js";
import { hashKey } from "./key-hash.js";
import type { SizeBudget } from "./size-budget.js";

/** The region of new entries, and the store's list 0. */
export const WINDOW = 0;
/** The main region's segment of entries used again since they were admitted. */
export const PROTECTED = 1;
/** The main region's segment of entries admitted but not used since (and of demoted ones). */
export const PROBATION = 2;
/** How many regions (store lists) the policy uses, in the order iteration lists them. */
export const REGIONS = 3;

/** Where victims are looked for when there is no candidate, in order. */
const VICTIM_REGIONS = [PROBATION, PROTECTED, WINDOW] as const;

/** Share of the bound given to the window at first; the hill climber moves it. */
const WINDOW_SHARE = 0.01;
/** Share of the main region given to the protected segment at first. */
const PROTECTED_SHARE = 0.8;
/**
 * The window and the protected segment share this much of the bound between them, as in
 * Caffeine: the window grows at the protected segment's expense, probation keeps its ~20 %.
 */
const ADAPTIVE_SHARE = WINDOW_SHARE + PROTECTED_SHARE * (1 - WINDOW_SHARE);
/**
 * Candidates at least this frequent may be admitted at random even when not more frequent than
 * the victim (1 in 128), as Caffeine does: otherwise keys crafted to collide with a hot victim in
 * the sketch could keep every new entry out.
 */
const JITTER_THRESHOLD = 6;

/** What the policy needs from the cache to make room: the bounds, expiry, and removal. @internal */
export interface RoomMaker {
  /**
   * Tells whether the cache would exceed a bound with `entries` more entries of `size` more size.
   *
   * @param entries - entries about to be added
   * @param size - size about to be added
   */
  over(entries: number, size: number): boolean;
  /**
   * Tells whether a slot's entry has expired (stale or not).
   *
   * @param slot - an occupied slot
   */
  expired(slot: number): boolean;
  /**
   * Removes an entry to make room: as an expiration if it has expired, else with `reason`.
   *
   * @param slot - an occupied slot
   * @param reason - `"evicted"` for a victim, `"rejected"` for a candidate that lost
   */
  drop(slot: number, reason: "evicted" | "rejected"): void;
}

/** The bounds a TinyLFU cache keeps, `Infinity` where it has none. @internal */
export interface TinyLfuBounds {
  readonly maxEntries: number;
  readonly maxSize: number;
}

/**
 * The regions, frequency sketch and admission decisions of one cache.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class TinyLfu<K, V> {
  readonly #store: EntryStore<K, V>;
  readonly #sizes: SizeBudget<K, V> | undefined;
  readonly #sketch: FrequencySketch;
  /** The key hash of each slot, computed once when the entry is stored. */
  #hashes = new Int32Array(0);
  /** The region of each slot. */
  #regions = new Uint8Array(0);
  #windowEntries = 0;
  #windowSize = 0;
  #protectedEntries = 0;
  #protectedSize = 0;
  readonly #bounds: TinyLfuBounds;
  readonly #climber: HillClimber;
  #windowMaxEntries = 0;
  #windowMaxSize = 0;
  #protectedMaxEntries = 0;
  #protectedMaxSize = 0;
  /** xorshift32 state for the admission jitter; fixed seed, so runs are reproducible. */
  #random = 0x2545f491;

  /**
   * Creates the policy of an empty cache.
   *
   * @param store - the cache's store, created with {@link REGIONS} lists
   * @param sizes - the cache's size budget, when it is bounded by size
   * @param bounds - `maxEntries` and `maxSize` (at least one finite)
   */
  constructor(
    store: EntryStore<K, V>,
    sizes: SizeBudget<K, V> | undefined,
    bounds: TinyLfuBounds,
  ) {
    this.#store = store;
    this.#sizes = sizes;
    this.#sketch = new FrequencySketch(bounds.maxEntries);
    this.#bounds = bounds;
    this.#climber = new HillClimber(WINDOW_SHARE, 0, ADAPTIVE_SHARE);
    this.#setLimits();
  }

  /** The window's share of the cache now, as the hill climber set it (0.01 at first). */
  get windowShare(): number {
    return this.#climber.share;
  }

  /**
   * The policy's own tally of its regions, `[window entries, window size, protected entries,
   * protected size]` (sizes 0 without a size bound), which the bounds of each region are checked
   * against; tests compare it with the store's lists.
   */
  get tally(): readonly [number, number, number, number] {
    return [this.#windowEntries, this.#windowSize, this.#protectedEntries, this.#protectedSize];
  }

  /**
   * Returns the region an entry is in.
   *
   * @param slot - an occupied slot
   * @returns {@link WINDOW}, {@link PROTECTED} or {@link PROBATION}
   */
  regionOf(slot: number): number {
    return this.#regions[slot] as number;
  }

  /**
   * Returns the frequency the sketch estimates for an entry.
   *
   * @param slot - an occupied slot
   * @returns 0 to 15
   */
  frequencyOf(slot: number): number {
    return this.#sketch.frequency(this.#hashes[slot] as number);
  }

  /**
   * A new entry was stored (the store put it at the front of the window): hash its key, count the
   * use.
   *
   * @param slot - its slot
   * @param key - its key
   * @param size - its size (0 in a cache not bounded by size)
   */
  added(slot: number, key: K, size: number): void {
    if (slot >= this.#hashes.length) this.#grow();
    const hash = hashKey(key);
    this.#hashes[slot] = hash;
    this.#regions[slot] = WINDOW;
    this.#windowEntries++;
    this.#windowSize += size;
    this.#sketch.ensureCapacity(this.#store.size);
    this.#sketch.increment(hash);
    if (this.#climber.record(false, this.#sketch.sampleSize)) this.#resizeWindow();
  }

  /**
   * An entry was used (a hit, or a `set` that replaced its value): count it and move it up, from
   * probation to protected, demoting the protected segment's oldest entries beyond its share.
   *
   * @param slot - its slot
   */
  used(slot: number): void {
    this.#sketch.increment(this.#hashes[slot] as number);
    if (this.#climber.record(true, this.#sketch.sampleSize)) this.#resizeWindow();
    const store = this.#store;
    switch (this.#regions[slot]) {
      case WINDOW:
        store.moveToFront(WINDOW, slot);
        return;
      case PROTECTED:
        store.moveToFront(PROTECTED, slot);
        return;
      default:
        this.#regions[slot] = PROTECTED;
        this.#protectedEntries++;
        this.#protectedSize += this.#sizeOf(slot);
        store.moveToFront(PROTECTED, slot);
        this.#demote();
    }
  }

  /**
   * The size of an entry changed (a replaced value): its region's size follows.
   *
   * @param slot - its slot
   * @param delta - new size minus old size
   */
  resized(slot: number, delta: number): void {
    const region = this.#regions[slot];
    if (region === WINDOW) this.#windowSize += delta;
    else if (region === PROTECTED) this.#protectedSize += delta;
  }

  /**
   * An entry is about to leave the store: its region shrinks. Call it while its size is still
   * recorded.
   *
   * @param slot - its slot
   */
  removed(slot: number): void {
    const region = this.#regions[slot];
    if (region === WINDOW) {
      this.#windowEntries--;
      this.#windowSize -= this.#sizeOf(slot);
    } else if (region === PROTECTED) {
      this.#protectedEntries--;
      this.#protectedSize -= this.#sizeOf(slot);
    }
  }

  /** Every entry left (`clear`). The frequency history stays: it is about keys, not entries. */
  cleared(): void {
    this.#windowEntries = 0;
    this.#windowSize = 0;
    this.#protectedEntries = 0;
    this.#protectedSize = 0;
  }

  /**
   * Makes room for `entries` more entries of `size` more size, as Caffeine's `evictEntries`: the
   * window's overflow moves to probation as candidates; while the cache is over a bound, the
   * oldest candidate duels the victim (probation's least recently used entry) and the less
   * frequent leaves. Candidates that win stay in probation. Once the victims reach the
   * candidates, or without candidates, entries leave by recency: probation's oldest, else
   * protected's, else the window's.
   *
   * @param room - the cache's bounds and removal
   * @param entries - entries about to be added (0 or 1)
   * @param size - size about to be added
   * @param keep - a slot that must stay (the entry a `set` is replacing), or {@link NIL}
   */
  makeRoom(room: RoomMaker, entries: number, size: number, keep: number): void {
    let candidate = this.#spillWindow(entries, size, keep);
    while (room.over(entries, size)) {
      const victim = this.#victim(keep);
      if (victim === NIL) return;
      if (candidate === NIL || candidate === victim) {
        // Every older entry is gone: the candidates left are the oldest, and leave by recency.
        candidate = NIL;
        room.drop(victim, "evicted");
      } else {
        candidate = this.#duel(room, candidate, victim);
      }
    }
  }

  /**
   * Drops the loser of a candidate and a victim (an expired one first, else the less frequent).
   *
   * @returns the next candidate: the next newer entry of probation (candidates are its newest)
   */
  #duel(room: RoomMaker, candidate: number, victim: number): number {
    const next = this.#store.newer(candidate);
    if (room.expired(victim)) {
      room.drop(victim, "evicted"); // removed as an expiration; the candidate duels the next one
      return candidate;
    }
    if (room.expired(candidate) || !this.#admits(candidate, victim)) {
      room.drop(candidate, "rejected"); // an expired candidate leaves as an expiration
    } else {
      room.drop(victim, "evicted");
    }
    return next;
  }

  /**
   * Moves the window's least recently used entries to probation while it is over its share.
   *
   * @returns the first (oldest) entry moved, or {@link NIL} when none was
   */
  #spillWindow(entries: number, size: number, keep: number): number {
    const store = this.#store;
    let first = NIL;
    while (
      this.#windowEntries + entries > this.#windowMaxEntries ||
      this.#windowSize + size > this.#windowMaxSize
    ) {
      const slot = store.oldestIn(WINDOW);
      if (slot === NIL || slot === keep) break;
      this.#regions[slot] = PROBATION;
      this.#windowEntries--;
      this.#windowSize -= this.#sizeOf(slot);
      store.moveToFront(PROBATION, slot);
      if (first === NIL) first = slot;
    }
    return first;
  }

  /**
   * The climber moved the window's share: move entries to match, as Caffeine's `increaseWindow`
   * and `decreaseWindow`. Nothing leaves the cache: a smaller window's overflow joins probation,
   * a larger window takes main's least recently used entries (next in line to go anyway).
   */
  #resizeWindow(): void {
    this.#setLimits();
    this.#spillWindow(0, 0, NIL);
    this.#demote();
    const store = this.#store;
    while (this.#windowEntries < this.#windowMaxEntries) {
      let slot = store.oldestIn(PROBATION);
      if (slot === NIL) slot = store.oldestIn(PROTECTED);
      if (slot === NIL || this.#windowSize + this.#sizeOf(slot) > this.#windowMaxSize) return;
      if (this.#regions[slot] === PROTECTED) {
        this.#protectedEntries--;
        this.#protectedSize -= this.#sizeOf(slot);
      }
      this.#regions[slot] = WINDOW;
      this.#windowEntries++;
      this.#windowSize += this.#sizeOf(slot);
      store.moveToFront(WINDOW, slot);
    }
  }

  /** Sets the window's and protected segment's limits from the climber's share, in both bounds. */
  #setLimits(): void {
    const share = this.#climber.share;
    const { maxEntries, maxSize } = this.#bounds;
    [this.#windowMaxEntries, this.#protectedMaxEntries] = split(maxEntries, share);
    [this.#windowMaxSize, this.#protectedMaxSize] = split(maxSize, share);
  }

  /** Moves protected entries beyond the segment's share back to probation, oldest first. */
  #demote(): void {
    const store = this.#store;
    while (
      this.#protectedEntries > this.#protectedMaxEntries ||
      this.#protectedSize > this.#protectedMaxSize
    ) {
      const slot = store.oldestIn(PROTECTED);
      if (slot === NIL) return;
      this.#regions[slot] = PROBATION;
      this.#protectedEntries--;
      this.#protectedSize -= this.#sizeOf(slot);
      store.moveToFront(PROBATION, slot);
    }
  }

  /** The entry to evict when there is no candidate: probation's oldest, else protected's, else the window's. */
  #victim(keep: number): number {
    for (const region of VICTIM_REGIONS) {
      let slot = this.#store.oldestIn(region);
      if (slot === keep && keep !== NIL) slot = this.#store.newer(slot);
      if (slot !== NIL) return slot;
    }
    return NIL;
  }

  /** Whether the candidate is more frequent than the victim (or wins the jitter's draw). */
  #admits(candidate: number, victim: number): boolean {
    const candidateFrequency = this.frequencyOf(candidate);
    if (candidateFrequency > this.frequencyOf(victim)) return true;
    if (candidateFrequency < JITTER_THRESHOLD) return false;
    let x = this.#random;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#random = x;
    return (x & 127) === 0;
  }

  #sizeOf(slot: number): number {
    return this.#sizes === undefined ? 0 : this.#sizes.sizeOf(slot);
  }

  #grow(): void {
    const capacity = this.#store.capacity;
    const hashes = new Int32Array(capacity);
    const regions = new Uint8Array(capacity);
    hashes.set(this.#hashes);
    regions.set(this.#regions);
    this.#hashes = hashes;
    this.#regions = regions;
  }
}

/**
 * Splits a bound between the window and the protected segment, which share
 * {@link ADAPTIVE_SHARE} of it.
 *
 * @param bound - `maxEntries` or `maxSize`; `Infinity` for none
 * @param share - the window's share
 * @returns `[window, protected]`: the window at least 1, neither negative (`Infinity` without a
 *   bound)
 */
function split(bound: number, share: number): [number, number] {
  if (bound === Infinity) return [Infinity, Infinity];
  const shared = Math.max(1, Math.floor(bound * ADAPTIVE_SHARE));
  const window = Math.min(shared, Math.max(1, Math.round(bound * share)));
  return [window, shared - window];
}
