/**
 * The circuit breaker in front of Redis: after `threshold` failures in a row it opens, and while
 * open no command is sent at all, so a dead or hung server costs one command timeout per
 * `interval` instead of one per call. When the interval has passed, one probe command goes through
 * (half-open): its success closes the breaker, its failure opens it for another interval.
 *
 * @internal
 */

/**
 * Where a breaker stands: `"closed"` sends every command, `"open"` sends none, `"half-open"` lets
 * one probe through.
 */
export type BreakerState = "closed" | "open" | "half-open";

/** @internal */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #interval: number;
  readonly #now: () => number;
  readonly #onChange: (state: BreakerState) => void;
  #state: BreakerState = "closed";
  #failures = 0;
  #openedAt = 0;
  #probing = false;

  /**
   * Creates a closed breaker.
   *
   * @param threshold - failures in a row that open it (`Infinity`: never opens)
   * @param interval - milliseconds it stays open before a probe
   * @param now - the clock, in milliseconds
   * @param onChange - called after every change of state
   */
  constructor(
    threshold: number,
    interval: number,
    now: () => number,
    onChange: (state: BreakerState) => void,
  ) {
    this.#threshold = threshold;
    this.#interval = interval;
    this.#now = now;
    this.#onChange = onChange;
  }

  /** The current state (an open breaker whose interval has passed still reads `"open"`). */
  get state(): BreakerState {
    return this.#state;
  }

  /**
   * Asks to send one command. Every `true` must be followed by `success()` or `failure()`.
   *
   * @returns `true` when the command may go to Redis
   */
  tryPass(): boolean {
    if (this.#state === "closed") return true;
    if (this.#probing) return false;
    if (this.#state === "open" && this.#now() - this.#openedAt < this.#interval) return false;
    this.#probing = true;
    this.#change("half-open");
    return true;
  }

  /** Records an answer from Redis: the breaker closes whatever its state. */
  success(): void {
    this.#failures = 0;
    this.#probing = false;
    this.#change("closed");
  }

  /** Records a timeout or connection error. */
  failure(): void {
    const probe = this.#probing;
    this.#probing = false;
    if (this.#state === "open") return;
    this.#failures++;
    if (probe || this.#failures >= this.#threshold) {
      this.#openedAt = this.#now();
      this.#change("open");
    }
  }

  #change(state: BreakerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#onChange(state);
  }
}
