/**
 * The options of {@link Refresher} and their validation: defaults live here and nowhere else.
 */
import { linkOf } from "./cache-link.js";
import type { CacheLink } from "./cache-link.js";
import type { Producer } from "./call-producer.js";
import { assertKnownOptions, checkCount, checkDuration, checkFunction } from "./options.js";
import type { VarietyCache } from "./variety-cache.js";

/**
 * Options for {@link Refresher}. `cache` and `producer` are required; an unknown key throws a
 * `TypeError`.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export interface RefresherOptions<K, V> {
  /** The cache to fill. Its `keySpace` is what each generation covers; one refresher per cache. */
  readonly cache: VarietyCache<K, V>;
  /** Makes one value for a key; called `perGeneration` times per key in each generation. */
  readonly producer: Producer<K, V>;
  /**
   * Values added per key in each generation, at most the cache's `maxPerKey`. With the defaults a
   * key holds 3, 6, 9, then 12 values, and stays at 12 as the oldest make way.
   *
   * @defaultValue 3
   */
  readonly perGeneration?: number;
  /**
   * Milliseconds between generations once `start()` was called. `0` or `Infinity` runs only the
   * first generation. The timer is unref'd, so it never keeps the process alive.
   *
   * @defaultValue 10_800_000 (three hours)
   */
  readonly interval?: number;
  /**
   * The most producer calls in flight at once, across all keys of a generation.
   *
   * @defaultValue 5
   */
  readonly concurrency?: number;
  /**
   * Milliseconds a producer call may take: then its signal aborts and the call counts as a
   * failure. `Infinity` waits forever.
   *
   * @defaultValue 60_000
   */
  readonly timeout?: number;
  /**
   * Milliseconds after a generation with failures before the failed keys are retried (while
   * started), and not before. `0` or `Infinity` disables retries.
   *
   * @defaultValue 1_800_000 (thirty minutes)
   */
  readonly retryInterval?: number;
}

/** Options after validation, with every default filled in. @internal */
export interface ResolvedRefresherOptions<K, V> {
  readonly cache: VarietyCache<K, V>;
  readonly link: CacheLink<K>;
  readonly producer: Producer<K, V>;
  readonly perGeneration: number;
  readonly interval: number;
  readonly concurrency: number;
  readonly timeout: number;
  readonly retryInterval: number;
}

/** The name errors are reported under. @internal */
export const REFRESHER_OWNER = "Refresher";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const OPTION_NAMES = [
  "cache",
  "producer",
  "perGeneration",
  "interval",
  "concurrency",
  "timeout",
  "retryInterval",
] as const;

/**
 * Validates constructor options and fills in the defaults.
 *
 * @param options - what the caller passed to the constructor
 * @returns the complete, checked options
 * @throws TypeError when a key is unknown, `cache` is not a `VarietyCache` (or already has a
 *   refresher), `producer` is not a function, or a number option is not a number
 * @throws RangeError when a number is out of range, or `perGeneration` exceeds `maxPerKey`
 * @internal
 */
export function resolveRefresherOptions<K, V>(
  options: RefresherOptions<K, V> | undefined,
): ResolvedRefresherOptions<K, V> {
  assertKnownOptions(REFRESHER_OWNER, options, OPTION_NAMES);
  const given: Partial<RefresherOptions<K, V>> = options ?? {};
  const link = checkCache<K>(given.cache);
  const cache = given.cache as VarietyCache<K, V>;
  checkFunction(REFRESHER_OWNER, "producer", given.producer);
  const resolved: ResolvedRefresherOptions<K, V> = {
    cache,
    link,
    producer: given.producer as Producer<K, V>,
    perGeneration: checkPerGeneration(orDefault(given.perGeneration, 3), cache.maxPerKey),
    interval: checkDuration(REFRESHER_OWNER, "interval", orDefault(given.interval, 3 * HOUR)),
    concurrency: checkCount(REFRESHER_OWNER, "concurrency", orDefault(given.concurrency, 5), 1),
    timeout: checkTimeout(orDefault(given.timeout, 60_000)),
    retryInterval: checkDuration(
      REFRESHER_OWNER,
      "retryInterval",
      orDefault(given.retryInterval, 30 * MINUTE),
    ),
  };
  link.driven = true;
  return resolved;
}

function checkCache<K>(cache: unknown): CacheLink<K> {
  const link = linkOf<K>(cache);
  if (link === undefined) {
    throw new TypeError(`${REFRESHER_OWNER}: option \`cache\` must be a VarietyCache.`);
  }
  if (link.driven) {
    throw new TypeError(
      `${REFRESHER_OWNER}: option \`cache\` is already filled by another Refresher; a cache takes one, so generations never overlap.`,
    );
  }
  return link;
}

function checkPerGeneration(value: unknown, maxPerKey: number): number {
  const perGeneration = checkCount(REFRESHER_OWNER, "perGeneration", value, 1);
  if (perGeneration === Infinity) {
    throw new RangeError(
      `${REFRESHER_OWNER}: option \`perGeneration\` must be a whole number from 1 up; received Infinity.`,
    );
  }
  if (perGeneration > maxPerKey) {
    throw new RangeError(
      `${REFRESHER_OWNER}: option \`perGeneration\` must not exceed the cache's \`maxPerKey\` (${maxPerKey}), or each generation would prune its own values; received ${perGeneration}.`,
    );
  }
  return perGeneration;
}

function checkTimeout(value: unknown): number {
  const timeout = checkDuration(REFRESHER_OWNER, "timeout", value);
  if (timeout === 0) {
    throw new RangeError(
      `${REFRESHER_OWNER}: option \`timeout\` must be a positive number of milliseconds or Infinity; received 0.`,
    );
  }
  return timeout;
}

/** Only `undefined` means "not given": `null` is bad input and must reach the checks. */
function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}
