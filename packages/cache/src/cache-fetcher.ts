/**
 * {@link TtlCache.fetch}: read through the cache with single flight, stale-while-revalidate and
 * stale-if-error. The decisions live here; the mechanics of sharing a load live in
 * `load-registry.ts` and the store in `cache-core.ts`.
 */
import type { CacheCore } from "./cache-core.js";
import type { Load, LoadRegistry } from "./load-registry.js";
import { checkFunction } from "./options.js";
import { channels } from "./telemetry.js";
import { OWNER, resolveTtl } from "./ttl-cache-options.js";
import type { FetchOptions } from "./ttl-cache-options.js";

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

/** One `fetch` call, validated. */
interface FetchRequest<K, V> {
  readonly key: K;
  readonly loader: Loader<K, V>;
  /** TTL of the loaded value, in ms. */
  readonly ttl: number;
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
  fetch(key: K, loader: Loader<K, V>, options: FetchOptions | undefined): Promise<V> {
    checkFunction(OWNER, "loader", loader);
    const core = this.#core;
    // Validate now: bad options throw here, not after the load.
    const request: FetchRequest<K, V> = { key, loader, ttl: resolveTtl(options, core.ttl) };
    const slot = core.liveSlot(key);
    if (slot !== undefined) {
      const value = core.store.values[slot] as V;
      if (core.updateAgeOnGet) core.restartTtl(slot);
      core.recordHit(key, slot);
      return Promise.resolve(value);
    }
    if (core.staleWhileRevalidate !== 0) {
      const stale = core.staleSlot(key, core.staleWhileRevalidate);
      if (stale !== undefined) return this.#serveStale(request, stale);
    }
    // A promise-returning method throws only for bad input: onEvict errors are reported instead.
    if (core.notices.pending) core.deliverOrReport();
    core.recordMiss(key);
    return this.#loads.join(this.#loads.get(key) ?? this.#start(request));
  }

  /** Answers with a stale value, refreshing it in the background unless a load already runs. */
  #serveStale(request: FetchRequest<K, V>, slot: number): Promise<V> {
    const value = this.#core.store.values[slot] as V;
    this.#core.recordHit(request.key, slot);
    if (this.#loads.get(request.key) === undefined) this.#start(request);
    return Promise.resolve(value);
  }

  /** Starts the load of a key, traced on the `fetch` channel when someone listens. */
  #start(request: FetchRequest<K, V>): Load<V> {
    const core = this.#core;
    const { key, loader, ttl } = request;
    return this.#loads.start(
      key,
      (signal) => {
        const call = async (): Promise<V> => loader(key, { signal });
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
