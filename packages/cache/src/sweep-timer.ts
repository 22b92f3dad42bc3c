/**
 * The one background timer a cache owns: it calls `sweep` every `intervalMs` and never keeps the
 * process alive.
 *
 * Node fires a `setTimeout` longer than 2^31 − 1 ms at once (with a warning), so a long interval is
 * waited out in chunks no longer than that. The timer is armed only while there is something to
 * sweep, so an idle cache holds no timer at all.
 *
 * @internal
 */

/** The longest delay Node's timers honour; anything longer fires immediately. */
export const MAX_TIMER_DELAY_MS: number = 2 ** 31 - 1;

/**
 * A restartable, unref'd periodic timer.
 *
 * @internal
 */
export class SweepTimer {
  readonly #intervalMs: number;
  readonly #sweep: () => void;
  #handle: NodeJS.Timeout | undefined;
  #remainingMs = 0;

  /**
   * Creates a stopped timer.
   *
   * @param intervalMs - time between sweeps; `0` or `Infinity` means the timer never runs
   * @param sweep - called once per interval while the timer is running
   */
  constructor(intervalMs: number, sweep: () => void) {
    this.#intervalMs = intervalMs;
    this.#sweep = sweep;
  }

  /** Whether a sweep is scheduled. */
  get running(): boolean {
    return this.#handle !== undefined;
  }

  /** Schedules the next sweep unless one is scheduled or the interval disables sweeping. */
  start(): void {
    if (this.#handle !== undefined || this.#intervalMs === 0) return;
    if (this.#intervalMs === Infinity) return;
    this.#remainingMs = this.#intervalMs;
    this.#arm();
  }

  /** Cancels the scheduled sweep, if any. */
  stop(): void {
    if (this.#handle === undefined) return;
    clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  #arm(): void {
    const delay = Math.min(this.#remainingMs, MAX_TIMER_DELAY_MS);
    this.#handle = setTimeout(() => {
      this.#onTimeout(delay);
    }, delay);
    this.#handle.unref();
  }

  #onTimeout(waitedMs: number): void {
    this.#remainingMs -= waitedMs;
    if (this.#remainingMs > 0) {
      this.#arm();
      return;
    }
    this.#handle = undefined;
    // Re-arm before sweeping so a sweep that calls stop() (nothing left to expire) wins.
    this.start();
    this.#sweep();
  }
}
