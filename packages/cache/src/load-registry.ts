/**
 * Single flight for {@link TtlCache.fetch}: at most one load per key, shared by every caller that
 * asks while it runs. The registry knows nothing about the store; the cache tells it what to do
 * with a value (`store`) through hooks.
 *
 * A load is registered before its loader runs, so a loader (or a `fetch` trace subscriber) that
 * fetches the same key synchronously joins it instead of starting a second one.
 *
 * A background load (stale-while-revalidate) has no waiter when it starts: if it fails and still
 * nobody waits, its error is dropped instead of becoming an unhandled rejection (it was traced on
 * the `fetch` channel like any other load).
 *
 * @internal
 */

/** What the cache does with the outcome of a load. @internal */
export interface LoadHooks<V> {
  /** Called with the loaded value while the load is current (not superseded): store it. */
  readonly store: (value: V) => void;
  /**
   * Called when the loader failed: returns a value to resolve the waiters with instead
   * (stale-if-error), or `undefined` to reject them with the error.
   */
  readonly fallback: (error: unknown) => { readonly value: V } | undefined;
}

/** One load in flight. @internal */
export interface Load<V> {
  /** Settles with the load's outcome; handed to every waiter. */
  readonly promise: Promise<V>;
  /** Aborts the loader's signal. */
  readonly controller: AbortController;
  /** Set when `set`, `delete` or `clear` touched the key during the load: its value is not stored. */
  superseded: boolean;
  /** How many callers wait for it. */
  waiters: number;
}

interface Pending<V> extends Load<V> {
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The loads in flight of one cache, by key.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class LoadRegistry<K, V> {
  readonly #loads = new Map<K, Pending<V>>();

  /**
   * Returns the load in flight for a key.
   *
   * @param key - the key
   * @returns the load, or `undefined` when none runs
   */
  get(key: K): Load<V> | undefined {
    return this.#loads.get(key);
  }

  /**
   * Registers a load for a key, then starts it.
   *
   * @param key - a key with no load in flight
   * @param call - runs the loader with the load's signal; may throw synchronously
   * @param hooks - what to do with the outcome
   * @returns the load, with no waiter yet: {@link LoadRegistry.join} it, or let it run in the
   *   background
   */
  start(key: K, call: (signal: AbortSignal) => PromiseLike<V>, hooks: LoadHooks<V>): Load<V> {
    let resolve!: (value: V) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const load: Pending<V> = {
      promise,
      resolve,
      reject,
      controller: new AbortController(),
      superseded: false,
      waiters: 0,
    };
    this.#loads.set(key, load);
    const loading = (async () => call(load.controller.signal))();
    loading.then(
      (value) => {
        this.#settle(key, load);
        if (!load.superseded) hooks.store(value);
        load.resolve(value);
      },
      (error: unknown) => {
        this.#settle(key, load);
        const fallback = hooks.fallback(error);
        if (fallback !== undefined) load.resolve(fallback.value);
        else if (load.waiters > 0) load.reject(error);
      },
    );
    return load;
  }

  /**
   * Adds a caller to a load's waiters.
   *
   * @param load - a load from {@link LoadRegistry.start} or {@link LoadRegistry.get}
   * @returns the promise of its value
   */
  join(load: Load<V>): Promise<V> {
    load.waiters++;
    return load.promise;
  }

  /**
   * Marks the load of a key, if any, as superseded: its value will not be stored, and the next
   * `fetch` of the key starts a new load.
   *
   * @param key - the key that `set`, `delete` or `clear` touched
   */
  supersede(key: K): void {
    if (this.#loads.size === 0) return; // the common case: skip a hash lookup on every set
    const load = this.#loads.get(key);
    if (load === undefined) return;
    load.superseded = true;
    this.#loads.delete(key);
  }

  /** Supersedes every load in flight (`clear`). */
  supersedeAll(): void {
    for (const load of this.#loads.values()) load.superseded = true;
    this.#loads.clear();
  }

  /**
   * Aborts the signal of every load in flight (`close`).
   *
   * @param reason - the abort reason
   */
  abortAll(reason: Error): void {
    for (const load of this.#loads.values()) load.controller.abort(reason);
  }

  #settle(key: K, load: Pending<V>): void {
    if (this.#loads.get(key) === load) this.#loads.delete(key);
  }
}
