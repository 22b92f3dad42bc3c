// A fake clock for the TTL workload. Contenders that accept a clock get `now`; for the others the
// worker's global `performance.now` and `Date.now` are patched (each contender runs in its own
// worker_thread, so the patch cannot leak into another contender). Timers still run in real time.

/**
 * Installs the fake clock, starting at 0 ms.
 *
 * @returns {{ now: () => number, set: (ms: number) => void, advance: (ms: number) => void,
 *   restore: () => void }} the clock controls
 */
export function installFakeClock() {
  let current = 0;
  const epoch = Date.now();
  const realPerformanceNow = performance.now;
  const realDateNow = Date.now;
  performance.now = () => current;
  Date.now = () => epoch + Math.floor(current);
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
    restore: () => {
      performance.now = realPerformanceNow;
      Date.now = realDateNow;
    },
  };
}
