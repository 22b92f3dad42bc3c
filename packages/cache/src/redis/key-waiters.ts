/**
 * Waiting for another process's load: a waiter sleeps until a notification for its key arrives
 * or its backoff delay runs out, whichever is first. Notifications are the fast path; the delay
 * is the safety net for a notification that never comes (pub/sub delivers at most once), so it
 * grows with each attempt ({@link backoffDelay}) to keep N waiting processes from hammering Redis.
 *
 * A waiter is registered before the command that may tell it to wait, so a notification that
 * arrives in between is not lost: it is kept and the next `wait` returns at once.
 *
 * @internal
 */

/** First poll delay, in ms. */
const BASE_DELAY = 8;
/** Longest poll delay, in ms. */
const MAX_DELAY = 256;

/**
 * The delay before poll number `attempt` (0-based): doubling from 8 ms up to 256 ms, each drawn
 * from the upper half of its range ("equal jitter") so waiting processes drift apart.
 *
 * @param attempt - how many polls came before this one
 * @param random - a source of numbers in [0, 1)
 * @returns the delay in milliseconds
 * @internal
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.min(attempt, 16));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** One caller waiting on one key. @internal */
export interface Waiter {
  /**
   * Resolves after `ms`, or as soon as the key is notified (at once if it was notified since the
   * last wait).
   *
   * @param ms - the longest wait
   */
  wait(ms: number): Promise<void>;
  /** Stops listening for the key. */
  dispose(): void;
}

class KeyWaiter implements Waiter {
  readonly #owner: KeyWaiters;
  readonly #key: string;
  #notified = false;
  #wake: (() => void) | undefined;

  constructor(owner: KeyWaiters, key: string) {
    this.#owner = owner;
    this.#key = key;
  }

  wait(ms: number): Promise<void> {
    if (this.#notified) {
      this.#notified = false;
      return Promise.resolve();
    }
    // Not unref'd: a caller is awaiting this, as it would await the command it stands for.
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  notify(): void {
    if (this.#wake === undefined) this.#notified = true;
    else this.#wake();
  }

  dispose(): void {
    this.#owner.remove(this.#key, this);
  }
}

/** Every waiter of one cache, by key. @internal */
export class KeyWaiters {
  readonly #byKey = new Map<string, Set<KeyWaiter>>();

  /**
   * Starts listening for notifications of `key`.
   *
   * @param key - the key
   * @returns the waiter; dispose of it when done
   */
  register(key: string): Waiter {
    const waiter = new KeyWaiter(this, key);
    let set = this.#byKey.get(key);
    if (set === undefined) this.#byKey.set(key, (set = new Set()));
    set.add(waiter);
    return waiter;
  }

  /** Wakes every waiter of `key`. @param key - the key that changed */
  notify(key: string): void {
    const set = this.#byKey.get(key);
    if (set !== undefined) for (const waiter of set) waiter.notify();
  }

  /** Wakes every waiter (a clear, a reconnect, a close). */
  notifyAll(): void {
    for (const set of this.#byKey.values()) for (const waiter of set) waiter.notify();
  }

  /** @internal */
  remove(key: string, waiter: KeyWaiter): void {
    const set = this.#byKey.get(key);
    if (set === undefined) return;
    set.delete(waiter);
    if (set.size === 0) this.#byKey.delete(key);
  }
}
