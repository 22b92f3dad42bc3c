/**
 * Single flight for {@link TtlCache.fetch}: at most one load per key, shared by every caller that
 * asks while it runs. The registry knows nothing about the store; the cache tells it what to do
 * with a value (`store`) and with a failure (`fallback`) through hooks.
 *
 * - A load is registered before its loader runs, so a loader (or a `fetch` trace subscriber) that
 *   fetches the same key synchronously joins it instead of starting a second one.
 * - A caller may stop waiting (its `signal`); when the last waiter has stopped, the load is
 *   aborted and dropped: its loader's signal fires and a value it still produces is ignored.
 * - A background load (stale-while-revalidate) has no waiter when it starts and is never aborted
 *   for want of one; if it fails and nobody waits, its error is dropped instead of becoming an
 *   unhandled rejection (it was traced on the `fetch` channel like any other load).
 * - `close()` aborts and drops every load, rejecting its waiters at once.
 *
 * @internal
 */

/** What the cache does with the outcome of a load. @internal */
export interface LoadHooks<V> {
  /**
   * Called with the loaded value while the load is current (not superseded): store it. If it
   * throws (a `sizeCalculation` that fails), the load fails with that error.
   */
  readonly store: (value: V) => void;
  /**
   * Called when the load failed: returns a value to resolve the waiters with instead
   * (stale-if-error), or `undefined` to reject them with the error.
   */
  readonly fallback: (error: unknown) => { readonly value: V } | undefined;
}

/** One load in flight, as callers see it. @internal */
export interface Load<V> {
  /** Aborts the loader's signal. */
  readonly controller: AbortController;
  /** Settles with the load's outcome; handed to every waiter without a signal. */
  readonly promise: Promise<V>;
}

interface Pending<K, V> extends Load<V> {
  readonly key: K;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
  /** A stale-while-revalidate refresh: not aborted when its waiters leave. */
  readonly background: boolean;
  /** How many callers wait for it. */
  waiters: number;
  /** `set`, `delete` or `clear` touched the key during the load: its value is not stored. */
  superseded: boolean;
  /** Aborted (no waiter left, or `close()`): its outcome is ignored. */
  dropped: boolean;
}

/**
 * The loads in flight of one cache, by key.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class LoadRegistry<K, V> {
  readonly #loads = new Map<K, Pending<K, V>>();

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
   * @param background - `true` for a refresh nobody waits for (stale-while-revalidate)
   * @returns the load, with no waiter yet: {@link LoadRegistry.join} it, or let it run in the
   *   background
   */
  start(
    key: K,
    call: (signal: AbortSignal) => PromiseLike<V>,
    hooks: LoadHooks<V>,
    background: boolean,
  ): Load<V> {
    const load = createPending<K, V>(key, background);
    this.#loads.set(key, load);
    const loading = (async () => call(load.controller.signal))();
    loading.then(
      (value) => {
        this.#settle(load);
        if (load.dropped) return;
        try {
          if (!load.superseded) hooks.store(value);
        } catch (error) {
          this.#fail(load, error, hooks);
          return;
        }
        load.resolve(value);
      },
      (error: unknown) => {
        this.#settle(load);
        if (!load.dropped) this.#fail(load, error, hooks);
      },
    );
    return load;
  }

  /**
   * Adds a caller to a load's waiters.
   *
   * @param load - a load from {@link LoadRegistry.start} or {@link LoadRegistry.get}
   * @param signal - the caller's signal: its abort rejects this caller's promise with its reason
   * @returns the promise of the load's value
   */
  join(load: Load<V>, signal: AbortSignal | undefined): Promise<V> {
    const pending = load as Pending<K, V>;
    pending.waiters++;
    if (signal === undefined) return pending.promise;
    return new Promise<V>((resolve, reject) => {
      const stopWaiting = (): void => {
        reject(signal.reason as Error);
        this.#leave(pending, signal.reason);
      };
      signal.addEventListener("abort", stopWaiting, { once: true });
      pending.promise
        .finally(() => {
          signal.removeEventListener("abort", stopWaiting);
        })
        .then(resolve, reject);
    });
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
   * Aborts and drops every load in flight (`close`): each loader's signal fires with `reason`,
   * every waiter rejects with it at once, and values the loaders still produce are ignored.
   *
   * @param reason - the abort reason
   */
  abortAll(reason: Error): void {
    for (const load of this.#loads.values()) {
      this.#drop(load, reason);
      if (load.waiters > 0) load.reject(reason);
    }
    this.#loads.clear();
  }

  #leave(load: Pending<K, V>, reason: unknown): void {
    load.waiters--;
    if (load.waiters > 0 || load.background || load.dropped) return;
    this.#settle(load);
    this.#drop(load, reason);
  }

  #drop(load: Pending<K, V>, reason: unknown): void {
    load.dropped = true;
    load.controller.abort(reason);
  }

  #fail(load: Pending<K, V>, error: unknown, hooks: LoadHooks<V>): void {
    const fallback = hooks.fallback(error);
    if (fallback !== undefined) load.resolve(fallback.value);
    else if (load.waiters > 0) load.reject(error);
  }

  #settle(load: Pending<K, V>): void {
    if (this.#loads.get(load.key) === load) this.#loads.delete(load.key);
  }
}

function createPending<K, V>(key: K, background: boolean): Pending<K, V> {
  let resolve!: (value: V) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    key,
    promise,
    resolve,
    reject,
    controller: new AbortController(),
    background,
    waiters: 0,
    superseded: false,
    dropped: false,
  };
}
