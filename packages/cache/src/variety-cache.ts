import { registerLink } from "./cache-link.js";
import type { CacheLink } from "./cache-link.js";
import type { Identify, KeyIdentity } from "./key-identity.js";
import { SweepTimer } from "./sweep-timer.js";
import { channels } from "./telemetry.js";
import {
  resolveAddOptions,
  resolveListLimit,
  resolveVarietyCacheOptions,
} from "./variety-cache-options.js";
import type {
  AddOptions,
  ListOptions,
  VarietyCacheOptions,
  VarietyEntry,
} from "./variety-cache-options.js";

/**
 * Figures returned by {@link VarietyCache.stats}, computed over live values only. The figures about
 * the declared key space are `undefined` when the cache was built without a `keySpace` (or with an
 * empty one).
 */
export interface VarietyStats {
  /** Live values stored, across all keys. */
  readonly entries: number;
  /** Keys holding at least one live value, whether or not they belong to the key space. */
  readonly keysCovered: number;
  /** How many distinct keys the declared `keySpace` holds. */
  readonly keySpaceSize: number | undefined;
  /** How many keys of the declared key space hold at least one live value. */
  readonly keySpaceCovered: number | undefined;
  /** `keySpaceCovered / keySpaceSize`, in [0, 1]: the share of the key space `pick` can serve. */
  readonly coverage: number | undefined;
  /**
   * Live values of key-space keys over the most the key space can hold
   * (`keySpaceSize × maxPerKey`), in [0, 1]; `0` when `maxPerKey` is `Infinity`.
   */
  readonly entryCoverage: number | undefined;
  /** `entries / keysCovered`: how much variety a covered key offers on average; `0` when empty. */
  readonly averagePerKey: number;
  /** Keys whose most recent generation by a {@link Refresher} failed, awaiting a retry. */
  readonly failedKeys: number;
  /** When a {@link Refresher}'s most recent generation finished, on the cache's `now` clock. */
  readonly lastGeneration: number | undefined;
  /** Whether a {@link Refresher} is running a generation for this cache right now. */
  readonly generationInProgress: boolean;
}

/**
 * An accumulating cache that keeps up to `maxPerKey` values per key and hands out a uniformly
 * random one, so repeated reads of a key see variety: the shape of an expensive, non-deterministic
 * producer such as generated code snippets, A/B copy or sampled responses. Each value is tagged
 * with a generation and an entry id; beyond the cap the oldest value of the key is dropped first.
 * Pair it with a {@link Refresher} to fill it on a schedule.
 *
 * Keys are reduced to an identity by the `keyOf` option (primitives and flat tuples work as they
 * are). `add`, `pick`, `count` and `delete` cost O(values of the key); `list`, `prune`, `stats`
 * and `clear` are O(n).
 *
 * @typeParam K - the key type, such as `[language: string, difficulty: string, lines: number]`
 * @typeParam V - the value type
 *
 * @example
 * ```ts
 * import { VarietyCache } from "@ladder/cache";
 *
 * type Combo = [language: string, difficulty: string, lines: number];
 * const snippets = new VarietyCache<Combo, string>({ maxPerKey: 12 });
 *
 * snippets.add(["python", "easy", 10], "print('hello')", { generation: 1 });
 * snippets.add(["python", "easy", 10], "for i in range(3): print(i)", { generation: 1 });
 * snippets.pick(["python", "easy", 10]); // one of the two, uniformly at random
 * snippets.list({ filter: (entry) => entry.key[0] === "python", limit: 10 });
 * ```
 */
export class VarietyCache<K, V> implements Disposable {
  readonly #buckets = new Map<KeyIdentity, VarietyEntry<K, V>[]>();
  readonly #maxPerKey: number;
  readonly #identify: Identify<K>;
  readonly #keySpace: readonly K[];
  readonly #keySpaceIds: readonly KeyIdentity[];
  readonly #ttl: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #name: string;
  readonly #link: CacheLink<K>;
  readonly #sweeper: SweepTimer;
  #size = 0;
  #expiring = 0;
  #nextEntryId = 1;
  #closed = false;

  /**
   * Creates an empty cache. No timer starts until a value that can expire is stored.
   *
   * @param options - cap per key, key identity, key space, TTL, sweep interval, clock, random
   *   source and telemetry name
   * @throws TypeError when `options` has an unknown key, an option has the wrong type, or a
   *   `keySpace` key cannot be identified
   * @throws RangeError when `maxPerKey` is not a whole number of at least 1, or `ttl` or
   *   `sweepInterval` is negative or NaN
   * @example
   * ```ts
   * const languages = ["python", "go"], difficulties = ["easy", "hard"], lines = [10, 20];
   * const keySpace = languages.flatMap((l) => difficulties.flatMap((d) => lines.map((n) => [l, d, n])));
   * const cache = new VarietyCache<(string | number)[], string>({ keySpace, maxPerKey: 12 });
   * ```
   */
  constructor(options?: VarietyCacheOptions<K>) {
    const resolved = resolveVarietyCacheOptions(options);
    this.#maxPerKey = resolved.maxPerKey;
    this.#identify = resolved.identify;
    this.#keySpace = Object.freeze(resolved.keySpace);
    this.#keySpaceIds = resolved.keySpace.map(resolved.identify);
    this.#ttl = resolved.ttl;
    this.#now = resolved.now;
    this.#random = resolved.random;
    this.#name = resolved.name;
    this.#link = registerLink(this, resolved.identify, resolved.now, resolved.name);
    this.#sweeper = new SweepTimer(resolved.sweepInterval, () => {
      this.#sweep();
    });
  }

  /** The most values kept per key, as configured (`12` unless `maxPerKey` said otherwise). */
  get maxPerKey(): number {
    return this.#maxPerKey;
  }

  /** The declared key space, one key per identity, in declaration order (frozen; empty if none). */
  get keySpace(): readonly K[] {
    return this.#keySpace;
  }

  /**
   * The number of values stored now, across all keys. Expired values nobody has touched since they
   * expired still count until the next sweep or `prune()`.
   */
  get size(): number {
    return this.#size;
  }

  /**
   * Appends a value to the key's pool. Expired values of the key leave first; then, if the key
   * holds more than `maxPerKey` values, its oldest ones are dropped (`ladder:cache:variety:prune`).
   *
   * @param key - the key; identified by the `keyOf` option
   * @param value - any value; stored as given, never cloned
   * @param options - the value's `generation` (default `0`) and `ttl` (default: the cache's)
   * @returns the frozen entry stored, with its `entryId` and `addedAt`
   * @throws TypeError when the key cannot be identified, `options` has an unknown key or an option
   *   is not a number
   * @throws RangeError when `generation` is not a whole number or `ttl` is negative or NaN; the
   *   cache is left unchanged
   * @example
   * ```ts
   * const entry = cache.add(["python", "easy", 10], "print('hi')", { generation: 3 });
   * entry.entryId; // 1 for the cache's first value
   * ```
   */
  add(key: K, value: V, options?: AddOptions): VarietyEntry<K, V> {
    const { generation, ttl } = resolveAddOptions(options, this.#ttl);
    const identity = this.#identify(key);
    const entries = this.#live(identity) ?? this.#newBucket(identity);
    const addedAt = this.#now();
    const expiresAt = ttl === Infinity ? Infinity : addedAt + ttl;
    const entryId = this.#nextEntryId++;
    const entry = Object.freeze({ key, value, generation, entryId, addedAt, expiresAt });
    entries.push(entry);
    this.#size++;
    if (expiresAt !== Infinity) this.#trackExpiring();
    if (channels.varietyAdd.hasSubscribers) {
      channels.varietyAdd.publish({ cache: this.#name, key, generation, entryId });
    }
    while (entries.length > this.#maxPerKey) this.#pruneOldest(entries);
    return entry;
  }

  /**
   * Returns one of the key's live values, each with the same probability, drawn from the `random`
   * option. Values expired since they were added are removed first.
   *
   * @param key - the key to draw for
   * @returns a value, or `undefined` when the key has no live value (use `count` to tell a stored
   *   `undefined` from a miss)
   * @throws TypeError when the key cannot be identified
   * @example
   * ```ts
   * const snippet = cache.pick(["javascript", "medium", 15]) ?? (await generateLive());
   * ```
   */
  pick(key: K): V | undefined {
    const entries = this.#live(this.#identify(key));
    const hit = entries !== undefined;
    if (channels.varietyPick.hasSubscribers) {
      channels.varietyPick.publish({ cache: this.#name, key, hit });
    }
    if (!hit) return undefined;
    const index = Math.min(Math.floor(this.#random() * entries.length), entries.length - 1);
    return (entries[index] as VarietyEntry<K, V>).value;
  }

  /**
   * Counts the live values of one key, removing any that expired.
   *
   * @param key - the key to count
   * @returns how many values `pick` would choose from, between 0 and `maxPerKey`
   * @throws TypeError when the key cannot be identified
   * @example
   * ```ts
   * cache.count(["python", "easy", 10]); // 3 after the first generation, 12 at most
   * ```
   */
  count(key: K): number {
    return this.#live(this.#identify(key))?.length ?? 0;
  }

  /**
   * Lists live entries, grouped by key in the order the keys got their first value, oldest value
   * first within a key.
   *
   * @param options - `key` to list one key only, `filter` to keep matching entries, `limit` (50)
   * @returns up to `limit` frozen entries with their key, value, generation, entry id and times
   * @throws TypeError when `options` has an unknown key, `filter` is not a function, `limit` is not
   *   a number or `key` cannot be identified
   * @throws RangeError when `limit` is negative or not a whole number
   * @example
   * ```ts
   * cache.list({ filter: (e) => e.key[0] === "javascript" && e.key[1] === "medium", limit: 10 });
   * ```
   */
  list(options?: ListOptions<K, V>): VarietyEntry<K, V>[] {
    const limit = resolveListLimit(options);
    const filter = options?.filter ?? (() => true);
    const identities =
      options !== undefined && Object.hasOwn(options, "key")
        ? [this.#identify(options.key as K)]
        : this.#buckets.keys();
    const listed: VarietyEntry<K, V>[] = [];
    for (const identity of identities) {
      if (listed.length >= limit) break;
      this.#collect(identity, filter, listed, limit);
    }
    return listed;
  }

  /**
   * Removes every value of one key (publishing `ladder:cache:delete`).
   *
   * @param key - the key to empty
   * @returns `true` when the key held a live value; `false` otherwise
   * @throws TypeError when the key cannot be identified
   * @example
   * ```ts
   * cache.delete(["python", "hard", 20]); // true
   * cache.count(["python", "hard", 20]); // 0
   * ```
   */
  delete(key: K): boolean {
    const identity = this.#identify(key);
    const entries = this.#live(identity);
    if (entries === undefined) return false;
    this.#buckets.delete(identity);
    for (const entry of entries) this.#forget(entry);
    if (channels.delete.hasSubscribers) channels.delete.publish({ cache: this.#name, key });
    return true;
  }

  /**
   * Removes every value of every key, the seed's "empty the table and we're good to go". Values a
   * {@link Refresher} is producing at that moment are dropped when they arrive.
   *
   * @example
   * ```ts
   * cache.clear();
   * cache.size; // 0
   * ```
   */
  clear(): void {
    this.#buckets.clear();
    this.#size = 0;
    this.#expiring = 0;
    this.#sweeper.stop();
    this.#link.epoch++;
  }

  /**
   * Removes every expired value now, as the background sweep does.
   *
   * @returns how many values were removed
   * @example
   * ```ts
   * const removed = cache.prune();
   * ```
   */
  prune(): number {
    if (this.#expiring === 0) return 0;
    const now = this.#now();
    let removed = 0;
    for (const [identity, entries] of this.#buckets) {
      removed += this.#purge(identity, entries, now);
    }
    return removed;
  }

  /**
   * Computes the seed's health figures over live values (expired ones are pruned first): entries,
   * keys covered, coverage of the declared key space, average per covered key, and the
   * {@link Refresher}'s failed keys, last generation time and whether a generation is running.
   *
   * @returns a snapshot of the figures
   * @example
   * ```ts
   * const { coverage, averagePerKey, failedKeys } = cache.stats();
   * ```
   */
  stats(): VarietyStats {
    this.prune();
    const declared = this.#keySpaceIds.length > 0;
    const space = declared ? this.#keySpaceFigures() : undefined;
    const size = this.#keySpaceIds.length;
    return {
      entries: this.#size,
      keysCovered: this.#buckets.size,
      keySpaceSize: declared ? size : undefined,
      keySpaceCovered: space?.covered,
      coverage: space === undefined ? undefined : space.covered / size,
      entryCoverage: space === undefined ? undefined : space.entries / (size * this.#maxPerKey),
      averagePerKey: this.#buckets.size === 0 ? 0 : this.#size / this.#buckets.size,
      failedKeys: this.#link.failed.size,
      lastGeneration: this.#link.lastGeneration,
      generationInProgress: this.#link.generating,
    };
  }

  /**
   * Stops the sweep timer for good; expired values are then removed only when touched or by
   * `prune()`. The cache stays usable.
   *
   * @example
   * ```ts
   * process.on("SIGTERM", () => cache.close());
   * ```
   */
  close(): void {
    this.#closed = true;
    this.#sweeper.stop();
  }

  /**
   * Same as {@link VarietyCache.close}, so a cache declared with `using` is closed at the end of
   * its scope.
   *
   * @example
   * ```ts
   * {
   *   using cache = new VarietyCache<string, string>({ ttl: 60_000 });
   * } // closed here
   * ```
   */
  [Symbol.dispose](): void {
    this.close();
  }

  /** The key's live values (expired ones removed), or `undefined` when none is left. */
  #live(identity: KeyIdentity): VarietyEntry<K, V>[] | undefined {
    const entries = this.#buckets.get(identity);
    if (entries === undefined) return undefined;
    if (this.#expiring > 0) this.#purge(identity, entries, this.#now());
    return entries.length === 0 ? undefined : entries;
  }

  #newBucket(identity: KeyIdentity): VarietyEntry<K, V>[] {
    const entries: VarietyEntry<K, V>[] = [];
    this.#buckets.set(identity, entries);
    return entries;
  }

  /** Removes the expired values of one key in place; drops the key when nothing is left. */
  #purge(identity: KeyIdentity, entries: VarietyEntry<K, V>[], now: number): number {
    const expired: VarietyEntry<K, V>[] = [];
    let kept = 0;
    for (const entry of entries) {
      if (entry.expiresAt > now) entries[kept++] = entry;
      else expired.push(entry);
    }
    entries.length = kept;
    if (kept === 0) this.#buckets.delete(identity);
    for (const entry of expired) {
      this.#forget(entry);
      if (channels.expire.hasSubscribers) {
        channels.expire.publish({ cache: this.#name, key: entry.key });
      }
    }
    return expired.length;
  }

  #pruneOldest(entries: VarietyEntry<K, V>[]): void {
    const oldest = entries.shift() as VarietyEntry<K, V>;
    this.#forget(oldest);
    if (channels.varietyPrune.hasSubscribers) {
      const { key, generation, entryId } = oldest;
      channels.varietyPrune.publish({ cache: this.#name, key, generation, entryId });
    }
  }

  #collect(
    identity: KeyIdentity,
    filter: (entry: VarietyEntry<K, V>) => boolean,
    listed: VarietyEntry<K, V>[],
    limit: number,
  ): void {
    for (const entry of this.#live(identity) ?? []) {
      if (listed.length >= limit) return;
      if (filter(entry)) listed.push(entry);
    }
  }

  #keySpaceFigures(): { covered: number; entries: number } {
    let covered = 0;
    let entries = 0;
    for (const identity of this.#keySpaceIds) {
      const values = this.#buckets.get(identity);
      if (values === undefined) continue;
      covered++;
      entries += values.length;
    }
    return { covered, entries };
  }

  #trackExpiring(): void {
    this.#expiring++;
    if (!this.#closed) this.#sweeper.start();
  }

  /** Bookkeeping for a value that has left its key's array. */
  #forget(entry: VarietyEntry<K, V>): void {
    this.#size--;
    if (entry.expiresAt === Infinity) return;
    this.#expiring--;
    if (this.#expiring === 0) this.#sweeper.stop();
  }

  #sweep(): void {
    const removed = this.prune();
    if (channels.sweep.hasSubscribers) channels.sweep.publish({ cache: this.#name, removed });
  }
}
