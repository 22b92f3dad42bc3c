/** A manual monotonic clock for TtlCache's `now` option: time moves only when a test says so. */
export interface FakeClock {
  /** Reads the clock; pass as `now`. */
  readonly now: () => number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

/**
 * Creates a clock that starts at `start` milliseconds.
 *
 * @param start - the first reading
 * @returns the clock
 */
export function createFakeClock(start = 1_000): FakeClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
