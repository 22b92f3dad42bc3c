/**
 * The options of {@link TtlCache} and their validation: defaults live here and nowhere else.
 */
import { CoarseClock } from "./coarse-clock.js";
import {
  assertKnownOptions,
  checkBoolean,
  checkChoice,
  checkClock,
  checkCount,
  checkDuration,
  checkFunction,
  checkName,
} from "./options.js";

/**
 * Why an entry left the cache, as passed to {@link TtlCacheOptions.onEvict}.
 *
 * - `"expired"`: its TTL ran out (removed on access, by `prune`, or by the sweep; with a stale
 *   window, once that window has passed too, or earlier when it was the least recently used entry);
 * - `"evicted"`: it made room when `maxEntries` or `maxSize` was exceeded: the least recently used
 *   entry, or with `policy: "tinylfu"` the victim a more frequent candidate displaced;
 * - `"rejected"`: with `policy: "tinylfu"`, it was a candidate for the main region (pushed out of the
 *   admission window while the cache was full) and used less often than the entry it would have
 *   displaced, so it left instead;
 * - `"deleted"`: `delete` removed it;
 * - `"replaced"`: `set` (or a completed `fetch`) stored a different value under its key, or one
 *   larger than `maxEntrySize`, which is then not stored;
 * - `"cleared"`: `clear` removed it.
 */
export type EvictionReason =
  "expired" | "evicted" | "rejected" | "deleted" | "replaced" | "cleared";

/**
 * How a bounded {@link TtlCache} chooses what leaves when it is full, the
 * {@link TtlCacheOptions.policy} option.
 *
 * - `"lru"`: the least recently used entry;
 * - `"tinylfu"`: W-TinyLFU, as in Caffeine: recency and frequency together, so frequent keys stay
 *   through scans and loops.
 */
export type EvictionPolicy = "lru" | "tinylfu";

/**
 * Options for {@link TtlCache}. Every option is optional; an unknown key throws a `TypeError`.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export interface TtlCacheOptions<K, V> {
  /**
   * Default time to live of an entry, in milliseconds. `0` stores entries that are already expired;
   * `Infinity` never expires.
   *
   * @defaultValue 300_000 (five minutes)
   */
  readonly ttl?: number;
  /**
   * The most entries the cache holds. Storing one more drops the least recently used entry (reads
   * with `get` and `fetch` count as use).
   *
   * @defaultValue Infinity
   */
  readonly maxEntries?: number;
  /**
   * What leaves a full cache (see {@link EvictionPolicy}). `"lru"` drops the least recently used
   * entry. `"tinylfu"` keeps the entries used most often: new entries enter a small window (1 % of
   * the bound at first; a hill climber resizes it as the cache runs), and one pushed out of it is
   * admitted to the main region only if a frequency sketch says it is used more often than the
   * entry it would displace; otherwise it leaves with reason `"rejected"` (counted in
   * {@link CacheStats.rejections}). It gains the most where LRU does worst: one-time scans, loops a
   * little larger than the cache, skewed (Zipf) traffic; it can lose where the hot set keeps
   * moving (see `docs/hit-ratio.md`). It needs `maxEntries` or `maxSize`, costs about 16 bytes per
   * entry more and some speed (a sketch update per hit, a key hash per insert), and lists entries
   * region by region (window, protected, probation) rather than by recency alone.
   *
   * @defaultValue `"lru"`
   */
  readonly policy?: EvictionPolicy;
  /**
   * The most the sizes of all entries may add up to, each size given by
   * {@link TtlCacheOptions.sizeCalculation}. Storing an entry that would exceed it drops least
   * recently used entries until it fits. Works together with `maxEntries`: both bounds hold.
   *
   * @defaultValue Infinity
   */
  readonly maxSize?: number;
  /**
   * The largest size one entry may have. A larger value is not stored: `set` (or a completed
   * `fetch`) leaves the key without an entry, removing the previous one (reason `"replaced"`),
   * and `fetch` still hands the value to its waiters. Never more than `maxSize`.
   *
   * @defaultValue `maxSize`
   */
  readonly maxEntrySize?: number;
  /**
   * The size of an entry, for `maxSize` and `maxEntrySize`: any whole number from 1 up, in a unit
   * of your choosing (bytes, items, cost). Required with either; an error without them. It is
   * called before the entry is stored, so if it throws (or returns a bad size) the call fails and
   * the cache is unchanged.
   *
   * @param value - the value about to be stored
   * @param key - its key
   * @returns the entry's size
   */
  readonly sizeCalculation?: (value: V, key: K) => number;
  /**
   * Milliseconds between sweeps that remove expired entries in the background. `0` (or `Infinity`)
   * disables the sweep: expired entries are then removed only when touched or by `prune()`. The
   * single timer is unref'd, so it never keeps the process alive.
   *
   * @defaultValue 60_000
   */
  readonly sweepInterval?: number;
  /**
   * The clock, in milliseconds. It must be monotonic and callable without a receiver (pass
   * `() => performance.now()`, not `performance.now`). Tests inject a fake one.
   *
   * The default reads `performance.now()` once per synchronous run of JavaScript (and again after
   * every 1 024 reads within one), as lru-cache caches its clock: an entry can outlive its TTL by
   * at most the current task's duration. Pass `() => performance.now()` for an exact clock at the
   * price of one clock read per operation.
   *
   * @defaultValue a coarse `performance.now()`, read once per task
   */
  readonly now?: () => number;
  /**
   * Milliseconds after an entry's TTL runs out during which {@link TtlCache.fetch} still answers
   * with the stale value at once, while one background load (single flight, with the same loader)
   * refreshes it. A background load that fails leaves the stale value in place. `0` turns it off.
   *
   * A stale entry is not live: `get`, `has`, `peek` and iteration treat it as absent, but it stays
   * stored (and counted by `size`) until its stale windows have passed, so that `fetch` can serve
   * it; `prune` and the sweep keep it too. `info` reports it with `stale: true`.
   *
   * @defaultValue 0 (off)
   */
  readonly staleWhileRevalidate?: number;
  /**
   * Milliseconds after an entry's TTL runs out during which a failed {@link TtlCache.fetch} load
   * resolves its waiters with the stale value instead of rejecting (the entry stays stale, and the
   * next `fetch` tries again). Measured when the load fails. `0` turns it off.
   *
   * @defaultValue 0 (off)
   */
  readonly staleIfError?: number;
  /**
   * Sliding expiry on reads: a `get` (or `fetch`) that finds a live entry restarts its TTL, so an
   * entry read at least once per TTL never expires. The TTL restarted is the entry's own (from
   * `set`, `fetch` or `setTtl`); entries that never expire are unaffected.
   *
   * @defaultValue false
   */
  readonly updateAgeOnGet?: boolean;
  /**
   * Sliding expiry on `has`: a `has` that finds a live entry restarts its TTL, as
   * {@link TtlCacheOptions.updateAgeOnGet} does for reads. `has` still counts no hit and leaves
   * recency alone.
   *
   * @defaultValue false
   */
  readonly updateAgeOnHas?: boolean;
  /**
   * Label carried in every telemetry message as `cache`, to tell caches apart.
   *
   * @defaultValue `"ttl-cache"`
   */
  readonly name?: string;
  /**
   * Called after an entry has left the cache, with the reason. Use it to release resources a value
   * holds.
   *
   * It runs synchronously before the call that removed the entry returns (inside the sweep timer
   * for swept entries), once that call has finished changing the cache: the bound holds and the
   * entry is gone. It may call the cache back (`set` the key again, `delete`, `clear`, …); the
   * removals those calls cause are reported after the current one, in order.
   *
   * If it throws, the cache stays consistent and every other removal is still reported; then the
   * error is thrown by the method that removed the entry (several errors as one `AggregateError`).
   * Where no synchronous caller exists (the sweep timer, `fetch`, a load completing), it is
   * rethrown in a microtask and reaches `process.on("uncaughtException")`, as Node does for a
   * throwing `diagnostics_channel` subscriber.
   */
  readonly onEvict?: (key: K, value: V, reason: EvictionReason) => void;
}

/** Options after validation, with every default filled in. @internal */
export interface ResolvedTtlCacheOptions<K, V> {
  readonly ttl: number;
  readonly maxEntries: number;
  readonly sweepInterval: number;
  readonly now: () => number;
  readonly name: string;
  readonly onEvict: ((key: K, value: V, reason: EvictionReason) => void) | undefined;
  readonly staleWhileRevalidate: number;
  readonly staleIfError: number;
  readonly updateAgeOnGet: boolean;
  readonly updateAgeOnHas: boolean;
  readonly policy: EvictionPolicy;
  /** Set when `maxSize` or `maxEntrySize` is. */
  readonly sizes: SizeLimits<K, V> | undefined;
}

/** The size options, validated. @internal */
export interface SizeLimits<K, V> {
  readonly maxSize: number;
  readonly maxEntrySize: number;
  readonly sizeCalculation: (value: V, key: K) => number;
}

/** The name errors are reported under. @internal */
export const OWNER = "TtlCache";

const POLICIES: readonly EvictionPolicy[] = ["lru", "tinylfu"];

const OPTION_NAMES = [
  "ttl",
  "maxEntries",
  "sweepInterval",
  "now",
  "name",
  "onEvict",
  "staleWhileRevalidate",
  "staleIfError",
  "updateAgeOnGet",
  "updateAgeOnHas",
  "maxSize",
  "maxEntrySize",
  "sizeCalculation",
  "policy",
] as const;

/**
 * Validates constructor options and fills in the defaults.
 *
 * @param options - what the caller passed to the constructor
 * @returns the complete, checked options
 * @throws TypeError when a key is unknown or an option has the wrong type
 * @throws RangeError when a number is out of range
 * @internal
 */
export function resolveTtlCacheOptions<K, V>(
  options: TtlCacheOptions<K, V> | undefined,
): ResolvedTtlCacheOptions<K, V> {
  assertKnownOptions(OWNER, options, OPTION_NAMES);
  const given = options ?? {};
  if (given.onEvict !== undefined) checkFunction(OWNER, "onEvict", given.onEvict);
  const maxEntries = checkCount(OWNER, "maxEntries", orDefault(given.maxEntries, Infinity), 1);
  const sizes = resolveSizeLimits(given);
  return {
    ttl: checkDuration(OWNER, "ttl", orDefault(given.ttl, 300_000)),
    maxEntries,
    sweepInterval: checkDuration(OWNER, "sweepInterval", orDefault(given.sweepInterval, 60_000)),
    now: checkClock(OWNER, orDefault(given.now, defaultClock)),
    name: checkName(OWNER, "name", orDefault(given.name, "ttl-cache")),
    onEvict: given.onEvict,
    staleWhileRevalidate: checkDuration(
      OWNER,
      "staleWhileRevalidate",
      orDefault(given.staleWhileRevalidate, 0),
    ),
    staleIfError: checkDuration(OWNER, "staleIfError", orDefault(given.staleIfError, 0)),
    updateAgeOnGet: checkBoolean(OWNER, "updateAgeOnGet", orDefault(given.updateAgeOnGet, false)),
    updateAgeOnHas: checkBoolean(OWNER, "updateAgeOnHas", orDefault(given.updateAgeOnHas, false)),
    sizes,
    policy: resolvePolicy(
      given,
      maxEntries !== Infinity || (sizes?.maxSize ?? Infinity) !== Infinity,
    ),
  };
}

/**
 * Validates `policy`.
 *
 * @param given - the constructor options
 * @param bounded - whether `maxEntries` or `maxSize` bounds the cache
 * @returns the policy, `"lru"` when not given
 * @throws TypeError when it is neither policy, or `"tinylfu"` for a cache without a bound
 */
function resolvePolicy<K, V>(given: TtlCacheOptions<K, V>, bounded: boolean): EvictionPolicy {
  const policy = checkChoice(OWNER, "policy", orDefault<unknown>(given.policy, "lru"), POLICIES);
  if (policy === "tinylfu" && !bounded) {
    throw new TypeError(
      `${OWNER}: option \`policy: "tinylfu"\` chooses what leaves a full cache, and this one has no bound; set \`maxEntries\` or \`maxSize\`, or drop the option.`,
    );
  }
  return policy;
}

/**
 * Validates `maxSize`, `maxEntrySize` and `sizeCalculation`, which only make sense together.
 *
 * @param given - the constructor options
 * @returns the limits, or `undefined` when the cache is not bounded by size
 * @throws TypeError when `sizeCalculation` is missing, not a function, or given without a bound
 * @throws RangeError when a bound is not a whole number from 1 up (or Infinity)
 */
function resolveSizeLimits<K, V>(given: TtlCacheOptions<K, V>): SizeLimits<K, V> | undefined {
  const maxSize = checkCount(OWNER, "maxSize", orDefault(given.maxSize, Infinity), 1);
  const maxEntrySize = checkCount(
    OWNER,
    "maxEntrySize",
    orDefault(given.maxEntrySize, Infinity),
    1,
  );
  const sizeCalculation = given.sizeCalculation;
  const bounded = maxSize !== Infinity || maxEntrySize !== Infinity;
  if (sizeCalculation === undefined) {
    if (!bounded) return undefined;
    throw new TypeError(
      `${OWNER}: option \`sizeCalculation\` is required with \`maxSize\` or \`maxEntrySize\`; pass a function (value, key) => size.`,
    );
  }
  checkFunction(OWNER, "sizeCalculation", sizeCalculation);
  if (!bounded) {
    throw new TypeError(
      `${OWNER}: option \`sizeCalculation\` does nothing without \`maxSize\` or \`maxEntrySize\`; set one of them, or drop it.`,
    );
  }
  return { maxSize, maxEntrySize, sizeCalculation };
}

/**
 * Returns `value`, or `fallback` when it is `undefined`. Only `undefined` means "not given":
 * `null` is bad input and must reach the checks, not `??`.
 *
 * @param value - what the caller passed
 * @param fallback - the default
 * @returns the value to check
 * @internal
 */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

/** One coarse clock for every cache that uses the default: one clock read per task for them all. */
const coarseClock = new CoarseClock(
  () => performance.now(),
  (callback) => {
    queueMicrotask(callback);
  },
);

function defaultClock(): number {
  return coarseClock.now();
}
