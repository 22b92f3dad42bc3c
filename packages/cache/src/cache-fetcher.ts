/**
 * {@link TtlCache.fetch}: read through the cache with single flight, stale-while-revalidate,
 * stale-if-error and per-call options (`signal`, `forceRefresh`, `context`). The decisions live
 * here; the mechanics of sharing a load live in `load-registry.ts` and the store in
 * `cache-core.ts`.
 */
import type { CacheCore } from "./cache-core.js";
import { resolveFetchOptions } from "./call-options.js";
import type { FetchOptions, ResolvedFetchOptions } from "./call-options.js";
import type { Load, LoadRegistry } from "./load-registry.js";
import { checkFunction } from "./options.js";
import { channels } from "./telemetry.js";
import { OWNER } from "./ttl-cache-options.js";

/**
 * What {@link TtlCache.fetch} passes to a loader besides the key.
 *
 * @typeParam C - the type of `context`
 */
export interface LoaderContext<C = unknown> {
  /**
   * Aborted when the load is no longer wanted: the cache was closed, or every caller waiting for
   * it gave up (their own `signal`s). Pass it on to `fetch` and friends so the work stops too.
   */
  readonly signal: AbortSignal;
  /** The `context` option of the `fetch` call that started the load, if it gave one. */
  readonly context: C | undefined;
}

/**
 * Produces the value for a key that missed, for {@link TtlCache.fetch}. It may return the value or
 * a promise of it; throwing is the same as rejecting.
 *
 * @param key - the key that missed, exactly as passed to `fetch`
 * @param context - carries the `signal` that aborts when the load is no longer wanted, and the
 *   `context` option of the `fetch` call that started the load
 * @returns the value to cache and hand to every waiter, or a promise of it
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @typeParam C - the type of the `context` option
 */
export type Loader<K, V, C = unknown> = (key: K, context: LoaderContext<C>) => V | PromiseLike<V>;

/** One `fetch` call, validated. */
interface FetchRequest<K, V, C> extends ResolvedFetchOptions<C> {
  readonly key: K;
  readonly loader: Loader<K, V, C>;
}

/**
 * Answers the `fetch` calls of one cache.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class CacheFetcher<K, V> {
  readonly #core: CacheCore<K, V>;
  readonly #loads: LoadRegistry<K, V>;

  /**
   * Creates the fetcher of a cache.
   *
   * @param core - the cache's state
   * @param loads - its loads in flight
   */
  constructor(core: CacheCore<K, V>, loads: LoadRegistry<K, V>) {
    this.#core = core;
    this.#loads = loads;
  }

  /**
   * Answers a `fetch`: the live value at once; a stale value at once while one background load
   * refreshes it (`staleWhileRevalidate`); otherwise the shared load of the key.
   *
   * @param key - the key
   * @param loader - loads the value on a miss
   * @param options - per-call options, not yet validated
   * @returns the value, or a promise of the loaded one
   * @throws TypeError when `loader` is not a function or `options` is malformed
   * @throws RangeError when `options.ttl` is negative or NaN
   */
  fetch<C>(key: K, loader: Loader<K, V, C>, options: FetchOptions<C> | undefined): Promise<V> {
    checkFunction(OWNER, "loader", loader);
    // Validate now: bad options throw here, not after the load.
    const request: FetchRequest<K, V, C> = {
      ...resolveFetchOptions(options, this.#core.ttl),
      key,
      loader,
    };
    if (request.signal?.aborted === true) return Promise.reject(request.signal.reason as Error);
    if (request.forceRefresh) return this.#wait(request);
    return this.#read(request);
  }

  /** The live value, a stale one under `staleWhileRevalidate`, or the wait for a load. */
  #read<C>(request: FetchRequest<K, V, C>): Promise<V> {
    const core = this.#core;
    const key = request.key;
    const slot = core.liveSlot(key);
    if (slot !== undefined) {
      const value = core.store.values[slot] as V;
      core.hit(key, slot);
      return Promise.resolve(value);
    }
    if (core.staleWhileRevalidate !== 0) {
      const stale = core.staleSlot(key, core.staleWhileRevalidate);
      if (stale !== undefined) return this.#serveStale(request, stale);
    }
    // A promise-returning method throws only for bad input: onEvict errors are reported instead.
    if (core.notices.pending) core.deliverOrReport();
    return this.#wait(request);
  }

  /** Counts the miss, then waits for the load in flight or a new one. */
  #wait<C>(request: FetchRequest<K, V, C>): Promise<V> {
    this.#core.recordMiss(request.key);
    const load = this.#loads.get(request.key) ?? this.#start(request, false);
    return this.#loads.join(load, request.signal);
  }

  /** Answers with a stale value, refreshing it in the background unless a load already runs. */
  #serveStale<C>(request: FetchRequest<K, V, C>, slot: number): Promise<V> {
    const value = this.#core.store.values[slot] as V;
    this.#core.recordHit(request.key, slot);
    if (this.#loads.get(request.key) === undefined) this.#start(request, true);
    return Promise.resolve(value);
  }

  /** Starts the load of a key, traced on the `fetch` channel when someone listens. */
  #start<C>(request: FetchRequest<K, V, C>, background: boolean): Load<V> {
    const core = this.#core;
    const { key, loader, ttl, context } = request;
    return this.#loads.start(
      key,
      (signal) => {
        const call = async (): Promise<V> => loader(key, { signal, context });
        return channels.fetch.hasSubscribers
          ? channels.fetch.tracePromise(call, { cache: core.name, key })
          : call();
      },
      {
        store: (value) => {
          core.put(key, value, ttl);
          if (core.notices.pending) core.deliverOrReport();
        },
        fallback: () => this.#staleIfError(key),
      },
      background,
    );
  }

  /** The stale (or live) value a failed load may resolve with, within `staleIfError`. */
  #staleIfError(key: K): { readonly value: V } | undefined {
    const core = this.#core;
    if (core.staleIfError === 0) return undefined;
    const slot = core.store.index.get(key);
    if (slot === undefined) return undefined;
    const expiresAt = core.store.expiresAt[slot] as number;
    if (core.now() >= expiresAt + core.staleIfError) return undefined;
    return { value: core.store.values[slot] as V };
  }
}
