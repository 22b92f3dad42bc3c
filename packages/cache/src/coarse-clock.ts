/**
 * The default clock of {@link TtlCache}: `performance.now()`, read at most once per synchronous
 * run of JavaScript and once per {@link COARSE_CLOCK_READS} reads within one.
 *
 * Reading `performance.now()` costs about as much as a `Map` lookup, and a cache hit reads the
 * clock once: profiling `pnpm bench:cache` showed it was the whole gap to lru-cache (which caches
 * its clock the same way, for `ttlResolution` ms). Within one task the clock stands still, so an
 * entry may be served up to that task's duration (bounded by the read budget) after its expiry;
 * after any `await`, timer or I/O callback the clock is read afresh.
 *
 * @internal
 */

/** Reads of the cached time allowed before the real clock is read again within one task. */
export const COARSE_CLOCK_READS = 1024;

/**
 * A clock that caches another clock's reading until the current task ends or the read budget runs
 * out.
 *
 * @internal
 */
export class CoarseClock {
  readonly #source: () => number;
  readonly #schedule: (callback: () => void) => void;
  #cached = 0;
  #budget = 0;

  /**
   * Creates a clock over `source`.
   *
   * @param source - the precise clock, in milliseconds
   * @param schedule - runs a callback once the current task is done (`queueMicrotask`)
   */
  constructor(source: () => number, schedule: (callback: () => void) => void) {
    this.#source = source;
    this.#schedule = schedule;
  }

  /**
   * Returns the cached reading, reading `source` first when the cache is stale.
   *
   * @returns the time in milliseconds
   */
  now(): number {
    if (this.#budget-- > 0) return this.#cached;
    if (this.#budget === -1) {
      // First read of this task: forget the reading when the task ends.
      this.#schedule(() => {
        this.#budget = 0;
      });
    }
    this.#cached = this.#source();
    this.#budget = COARSE_CLOCK_READS - 1;
    return this.#cached;
  }
}
