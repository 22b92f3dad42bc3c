/**
 * Keeps the locks this cache holds alive while their loaders run. One unref'd interval for the
 * whole cache, running only while at least one lock is held, renews every held lock each
 * `lockTtl / 3`, so a lock taken just after a tick is still renewed well before it expires; a
 * load that ends before the first tick costs no timer of its own.
 *
 * @internal
 */

interface Held {
  readonly key: string;
  readonly token: string;
}

/** @internal */
export class LockRenewer {
  readonly #interval: number;
  readonly #extend: (key: string, token: string) => void;
  readonly #held = new Set<Held>();
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param interval - milliseconds between renewals
   * @param extend - renews one lock (never throws)
   */
  constructor(interval: number, extend: (key: string, token: string) => void) {
    this.#interval = interval;
    this.#extend = extend;
  }

  /**
   * Starts renewing a lock.
   *
   * @param key - the key locked
   * @param token - the caller's token
   * @returns stops renewing it
   */
  hold(key: string, token: string): () => void {
    const held: Held = { key, token };
    this.#held.add(held);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => {
        for (const lock of this.#held) this.#extend(lock.key, lock.token);
      }, this.#interval);
      this.#timer.unref();
    }
    return () => {
      this.#held.delete(held);
      if (this.#held.size === 0 && this.#timer !== undefined) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    };
  }
}
