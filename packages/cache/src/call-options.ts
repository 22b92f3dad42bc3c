/**
 * The per-call options of {@link TtlCache} methods (`set`, `fetch`) and their validation. Like the
 * constructor's, every check runs before anything changes and names the option it rejects.
 */
import { assertKnownOptions, checkBoolean, checkDuration } from "./options.js";
import { OWNER, orDefault } from "./ttl-cache-options.js";

/** Per-call options of {@link TtlCache.set}. */
export interface SetOptions {
  /** Time to live of this entry in milliseconds, overriding the cache's default `ttl`. */
  readonly ttl?: number;
}

/**
 * Per-call options of {@link TtlCache.fetch}.
 *
 * @typeParam C - the type of `context`, handed to the loader
 */
export interface FetchOptions<C = unknown> {
  /** Time to live of the loaded value in milliseconds, overriding the cache's default `ttl`. */
  readonly ttl?: number;
  /**
   * Aborts this caller's wait: the promise `fetch` returned rejects at once with
   * `signal.reason`. Other callers sharing the load keep waiting; when the last one stops waiting,
   * the load itself is aborted (the loader's own `signal` fires) and any value it still produces
   * is dropped. A background refresh (`staleWhileRevalidate`) is never aborted this way. A signal
   * that is already aborted rejects without reading the cache.
   */
  readonly signal?: AbortSignal;
  /**
   * Load even when a live value is cached (the call counts as a miss), for example after learning
   * that the source changed. A load already in flight for the key is joined, not duplicated.
   *
   * @defaultValue false
   */
  readonly forceRefresh?: boolean;
  /**
   * Anything the loader needs besides the key, handed to it as `context.context`. Only the call
   * that starts a load passes its context: a call that joins a load in flight shares that load.
   */
  readonly context?: C;
}

/** The options of one `fetch`, validated, with the defaults filled in. @internal */
export interface ResolvedFetchOptions<C> {
  readonly ttl: number;
  readonly signal: AbortSignal | undefined;
  readonly forceRefresh: boolean;
  readonly context: C | undefined;
}

/** Options of {@link TtlCache.keys}, {@link TtlCache.values} and {@link TtlCache.entries}. */
export interface IterationOptions {
  /**
   * `"most-recent-first"` lists the most recently used entry first (the next to stay);
   * `"least-recent-first"` lists the least recently used first (the next to be evicted). With
   * `policy: "tinylfu"` entries are listed region by region (window, protected, probation), each
   * most recently used first, and `"least-recent-first"` reverses that.
   *
   * @defaultValue "most-recent-first"
   */
  readonly order?: "most-recent-first" | "least-recent-first";
}

const SET_OPTION_NAMES = ["ttl"] as const;
const ITERATION_OPTION_NAMES = ["order"] as const;
const FETCH_OPTION_NAMES = ["ttl", "signal", "forceRefresh", "context"] as const;

/**
 * Validates the options of `set` and returns the TTL they ask for.
 *
 * @param options - what the caller passed
 * @param fallback - the cache's default TTL, used when `options.ttl` is absent
 * @returns the TTL in milliseconds
 * @throws TypeError when a key is unknown or `ttl` is not a number
 * @throws RangeError when `ttl` is negative or NaN
 * @internal
 */
export function resolveTtl(options: SetOptions | undefined, fallback: number): number {
  if (options === undefined) return fallback; // the hot path: a set without options
  assertKnownOptions(OWNER, options, SET_OPTION_NAMES);
  return options.ttl === undefined ? fallback : checkDuration(OWNER, "ttl", options.ttl);
}

/**
 * Validates the options of `fetch`.
 *
 * @param options - what the caller passed
 * @param fallback - the cache's default TTL
 * @returns the checked options with defaults
 * @throws TypeError when a key is unknown, `ttl` is not a number, `signal` is not an
 *   `AbortSignal` or `forceRefresh` is not a boolean
 * @throws RangeError when `ttl` is negative or NaN
 * @internal
 */
export function resolveFetchOptions<C>(
  options: FetchOptions<C> | undefined,
  fallback: number,
): ResolvedFetchOptions<C> {
  assertKnownOptions(OWNER, options, FETCH_OPTION_NAMES);
  const given = options ?? {};
  if (given.signal !== undefined && !(given.signal instanceof AbortSignal)) {
    throw new TypeError(
      `${OWNER}: option \`signal\` must be an AbortSignal (from an AbortController or AbortSignal.timeout()).`,
    );
  }
  return {
    ttl: given.ttl === undefined ? fallback : checkDuration(OWNER, "ttl", given.ttl),
    signal: given.signal,
    forceRefresh: checkBoolean(OWNER, "forceRefresh", orDefault(given.forceRefresh, false)),
    context: given.context,
  };
}

/**
 * Validates iteration options.
 *
 * @param options - what the caller passed
 * @returns `true` for least recently used first
 * @throws TypeError when a key is unknown or `order` is not one of the two orders
 * @internal
 */
export function resolveOldestFirst(options: IterationOptions | undefined): boolean {
  if (options === undefined) return false;
  assertKnownOptions(OWNER, options, ITERATION_OPTION_NAMES);
  const order: unknown = options.order;
  if (order === undefined || order === "most-recent-first") return false;
  if (order === "least-recent-first") return true;
  throw new TypeError(
    `${OWNER}: option \`order\` must be "most-recent-first" or "least-recent-first"; received ${typeof order === "string" ? JSON.stringify(order) : typeof order}.`,
  );
}
