/**
 * How much of a TinyLFU cache its admission window gets, tuned as the cache runs: Caffeine's hill
 * climber. The window starts at 1 % (best where frequency predicts reuse, as in Zipf traffic);
 * after every sample of requests the climber compares the hit rate with the previous sample's and
 * keeps moving the share in the direction that raised it, reversing when it fell. Where recency
 * predicts better (a hot set that keeps moving), the window grows toward an LRU cache; where it
 * does not, it shrinks back. Steps shrink by 2 % per sample, and start over at full size when the
 * hit rate jumps by 5 points (the workload changed).
 *
 * Pure arithmetic: it decides the share; {@link TinyLfu} moves the entries.
 *
 * @internal
 */

/** The first and restarted step, as a share of the cache. */
const STEP = 0.0625;
/** Each sample's step is the previous one times this, unless the climber restarts. */
const STEP_DECAY = 0.98;
/** A change of hit rate this large (5 points) restarts the steps at full size. */
const RESTART_THRESHOLD = 0.05;

/**
 * The window share of one cache and the samples that move it.
 *
 * @internal
 */
export class HillClimber {
  /** The window's share of the cache now, between the bounds given to the constructor. */
  share: number;
  readonly #min: number;
  readonly #max: number;
  #hits = 0;
  #misses = 0;
  #previousHitRate = 0;
  /** Signed: the direction of the next move, as Caffeine starts it (shrinking). */
  #step = -STEP;

  /**
   * Creates a climber.
   *
   * @param initial - the starting share
   * @param min - the smallest share
   * @param max - the largest share
   */
  constructor(initial: number, min: number, max: number) {
    this.share = initial;
    this.#min = min;
    this.#max = max;
  }

  /**
   * Records one request; at the end of a sample, moves the share.
   *
   * @param hit - whether the request was a hit
   * @param sampleSize - requests per sample (the frequency sketch's sample size)
   * @returns `true` when the share changed
   */
  record(hit: boolean, sampleSize: number): boolean {
    if (hit) this.#hits++;
    else this.#misses++;
    const requests = this.#hits + this.#misses;
    if (requests < sampleSize) return false;
    const hitRate = this.#hits / requests;
    const change = hitRate - this.#previousHitRate;
    const amount = change >= 0 ? this.#step : -this.#step;
    this.#step =
      Math.abs(change) >= RESTART_THRESHOLD ? Math.sign(amount) * STEP : STEP_DECAY * amount;
    this.#previousHitRate = hitRate;
    this.#hits = 0;
    this.#misses = 0;
    const share = Math.min(this.#max, Math.max(this.#min, this.share + amount));
    if (share === this.share) return false;
    this.share = share;
    return true;
  }
}
