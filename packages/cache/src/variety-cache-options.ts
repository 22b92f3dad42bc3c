/**
 * The options of {@link VarietyCache} and their validation: defaults live here and nowhere else.
 */
import { checkedKeyOf, defaultKeyOf } from "./key-identity.js";
import type { Identify } from "./key-identity.js";
import {
  assertKnownOptions,
  checkClock,
  checkCount,
  checkDuration,
  checkFunction,
  checkName,
} from "./options.js";

/**
 * Options for {@link VarietyCache}. Every option is optional; an unknown key throws a `TypeError`.
 *
 * @typeParam K - the key type
 */
export interface VarietyCacheOptions<K> {
  /**
   * The most values kept per key. Adding one more drops the key's oldest value first. `Infinity`
   * keeps every value.
   *
   * @defaultValue 12
   */
  readonly maxPerKey?: number;
  /**
   * Maps a key to the identity its values are filed under, for keys that are objects. Return a
   * string or a number; keys with equal identities share their values. By default primitives are
   * their own identity (compared like `Map` keys, so `1` and `"1"` differ) and a flat tuple of
   * strings, finite numbers, booleans and `null` is identified by its JSON text, so
   * `["python", "easy", 10]` works without this option (a string key equal to a tuple's JSON text
   * would share its values). Any other object key throws a `TypeError` asking for `keyOf`.
   *
   * @defaultValue primitives as themselves, flat tuples as `JSON.stringify(key)`
   */
  readonly keyOf?: (key: K) => string | number;
  /**
   * The keys the cache is meant to cover, such as every language × difficulty × lines
   * combination. `stats()` reports coverage against it, and a {@link Refresher} generates values
   * for each of its keys. Duplicates (by identity) count once.
   *
   * @defaultValue none: coverage figures are `undefined`
   */
  readonly keySpace?: Iterable<K>;
  /**
   * Default time to live of each value, in milliseconds. `0` stores values that are already
   * expired. As in {@link TtlCache}, expired values are never returned, are removed when touched
   * and by the sweep, and reach the `ladder:cache:expire` channel once each.
   *
   * @defaultValue Infinity (values leave only by the `maxPerKey` cap, `delete` or `clear`)
   */
  readonly ttl?: number;
  /**
   * Milliseconds between sweeps that remove expired values in the background; `0` (or `Infinity`)
   * disables the sweep. The single timer is unref'd and runs only while some value can expire.
   *
   * @defaultValue 60_000
   */
  readonly sweepInterval?: number;
  /**
   * The clock, in milliseconds: monotonic, callable without a receiver. It stamps each value's
   * `addedAt`, its expiry and the `lastGeneration` statistic. Inject `() => Date.now()` for wall
   * clock times (it can step backwards) or a fake clock in tests.
   *
   * @defaultValue `() => performance.now()`
   */
  readonly now?: () => number;
  /**
   * The random source `pick` draws from: returns a number in [0, 1), called without a receiver.
   * Tests inject a seeded generator.
   *
   * @defaultValue `Math.random`
   */
  readonly random?: () => number;
  /**
   * Label carried in every telemetry message as `cache`, to tell caches apart.
   *
   * @defaultValue `"variety-cache"`
   */
  readonly name?: string;
}

/** Per-call options of {@link VarietyCache.add}. */
export interface AddOptions {
  /**
   * The generation the value belongs to: a whole number, `0` for values added outside a
   * generation. A {@link Refresher} numbers its generations 1, 2, 3, …
   *
   * @defaultValue 0
   */
  readonly generation?: number;
  /** Time to live of this value in milliseconds, overriding the cache's default `ttl`. */
  readonly ttl?: number;
}

/**
 * Options of {@link VarietyCache.list}.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export interface ListOptions<K, V> {
  /** Only list the values of this key. */
  readonly key?: K;
  /** Only list entries for which this returns `true`, such as `(e) => e.key[0] === "python"`. */
  readonly filter?: (entry: VarietyEntry<K, V>) => boolean;
  /**
   * The most entries returned.
   *
   * @defaultValue 50
   */
  readonly limit?: number;
}

/**
 * One stored value and where it came from, as returned by {@link VarietyCache.add} and
 * {@link VarietyCache.list}. Entries are frozen.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export interface VarietyEntry<K, V> {
  /** The key, exactly as passed to the `add` that stored this value. */
  readonly key: K;
  /** The value, stored as given, never cloned. */
  readonly value: V;
  /** The generation the value was tagged with; `0` outside a generation. */
  readonly generation: number;
  /** A number unique within the cache, increasing with every `add`: later values have larger ids. */
  readonly entryId: number;
  /** When the value was added, read from the cache's `now` clock. */
  readonly addedAt: number;
  /** When the value expires, on the same clock; `Infinity` when it never does. */
  readonly expiresAt: number;
}

/** Options after validation, with every default filled in. @internal */
export interface ResolvedVarietyCacheOptions<K> {
  readonly maxPerKey: number;
  readonly identify: Identify<K>;
  readonly keySpace: readonly K[];
  readonly ttl: number;
  readonly sweepInterval: number;
  readonly now: () => number;
  readonly random: () => number;
  readonly name: string;
}

/** The name errors are reported under. @internal */
export const VARIETY_OWNER = "VarietyCache";

const OPTION_NAMES = [
  "maxPerKey",
  "keyOf",
  "keySpace",
  "ttl",
  "sweepInterval",
  "now",
  "random",
  "name",
] as const;
const ADD_OPTION_NAMES = ["generation", "ttl"] as const;
const LIST_OPTION_NAMES = ["key", "filter", "limit"] as const;

/**
 * Validates constructor options and fills in the defaults.
 *
 * @param options - what the caller passed to the constructor
 * @returns the complete, checked options
 * @throws TypeError when a key is unknown or an option has the wrong type
 * @throws RangeError when a number is out of range
 * @internal
 */
export function resolveVarietyCacheOptions<K>(
  options: VarietyCacheOptions<K> | undefined,
): ResolvedVarietyCacheOptions<K> {
  assertKnownOptions(VARIETY_OWNER, options, OPTION_NAMES);
  const given = options ?? {};
  const identify = resolveIdentify(given.keyOf);
  return {
    maxPerKey: checkCount(VARIETY_OWNER, "maxPerKey", orDefault(given.maxPerKey, 12), 1),
    identify,
    keySpace: resolveKeySpace(given.keySpace, identify),
    ttl: checkDuration(VARIETY_OWNER, "ttl", orDefault(given.ttl, Infinity)),
    sweepInterval: checkDuration(
      VARIETY_OWNER,
      "sweepInterval",
      orDefault(given.sweepInterval, 60_000),
    ),
    now: checkClock(VARIETY_OWNER, orDefault(given.now, defaultClock)),
    random: checkRandom(orDefault(given.random, Math.random)),
    name: checkName(VARIETY_OWNER, "name", orDefault(given.name, "variety-cache")),
  };
}

/**
 * Validates the options of `add` and returns the generation and TTL they ask for.
 *
 * @param options - what the caller passed
 * @param fallbackTtl - the cache's default TTL
 * @returns the generation and the TTL in milliseconds
 * @throws TypeError when a key is unknown or an option is not a number
 * @throws RangeError when `generation` is not a whole number or `ttl` is negative or NaN
 * @internal
 */
export function resolveAddOptions(
  options: AddOptions | undefined,
  fallbackTtl: number,
): { generation: number; ttl: number } {
  assertKnownOptions(VARIETY_OWNER, options, ADD_OPTION_NAMES);
  const generation = orDefault(options?.generation, 0);
  const ttl = orDefault(options?.ttl, fallbackTtl);
  return {
    generation: checkCount(VARIETY_OWNER, "generation", generation, 0),
    ttl: checkDuration(VARIETY_OWNER, "ttl", ttl),
  };
}

/**
 * Validates the options of `list`.
 *
 * @param options - what the caller passed
 * @returns the limit, defaulted to 50
 * @throws TypeError when a key is unknown, `filter` is not a function or `limit` is not a number
 * @throws RangeError when `limit` is negative or not whole
 * @internal
 */
export function resolveListLimit<K, V>(options: ListOptions<K, V> | undefined): number {
  assertKnownOptions(VARIETY_OWNER, options, LIST_OPTION_NAMES);
  if (options?.filter !== undefined) checkFunction(VARIETY_OWNER, "filter", options.filter);
  return checkCount(VARIETY_OWNER, "limit", orDefault(options?.limit, 50), 0);
}

function resolveIdentify<K>(keyOf: ((key: K) => string | number) | undefined): Identify<K> {
  if (keyOf === undefined) return defaultKeyOf;
  checkFunction(VARIETY_OWNER, "keyOf", keyOf);
  return checkedKeyOf(VARIETY_OWNER, keyOf);
}

function resolveKeySpace<K>(keySpace: Iterable<K> | undefined, identify: Identify<K>): K[] {
  if (keySpace === undefined) return [];
  if (typeof (keySpace as Partial<Iterable<K>> | null)?.[Symbol.iterator] !== "function") {
    throw new TypeError(`${VARIETY_OWNER}: option \`keySpace\` must be an iterable of keys.`);
  }
  const unique = new Map<unknown, K>();
  for (const key of keySpace) {
    const identity = identify(key);
    if (!unique.has(identity)) unique.set(identity, key);
  }
  return [...unique.values()];
}

/**
 * Checks the random source once, as `checkClock` checks the clock, so a bad one fails at
 * construction instead of skewing every pick.
 */
function checkRandom(value: unknown): () => number {
  checkFunction(VARIETY_OWNER, "random", value);
  const random = value as () => unknown;
  const sample = random();
  if (typeof sample !== "number" || !(sample >= 0 && sample < 1)) {
    throw new TypeError(
      `${VARIETY_OWNER}: option \`random\` must return a number in [0, 1); returned ${String(sample)}.`,
    );
  }
  return random as () => number;
}

/** Only `undefined` means "not given": `null` is bad input and must reach the checks. */
function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function defaultClock(): number {
  return performance.now();
}
