// Timing and statistics helpers. Timed code runs in batches of BATCH operations; each batch is
// timed twice: by the CPU time of the process (process.cpuUsage) and by the wall clock.
//
// Throughput and p99 are computed from CPU time. The machine is shared (load 5-9 on 2 cores while
// other sessions build and test), and wall-clock rounds of the same code varied 3-5x with the
// phase of that load; CPU time does not count the time the thread sat preempted, so it measures
// the code rather than the neighbours. The main thread only awaits the worker, and jobs run one at
// a time, so the process's CPU time is the worker's (plus V8's GC helper threads, whose work the
// contender caused). Wall-clock figures are kept in the JSON output.

/** Operations per timed batch (the unit of the p99 latency). */
export const BATCH = 1000;

function cpuNow() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Runs `body` over [0, total) in batches of {@link BATCH}, timing each batch.
 *
 * @param {number} total - number of operations
 * @param {(start: number, end: number) => number} body - runs operations [start, end) and
 *   returns how many of them were hits
 * @returns {{ ns: number, wallNs: number, batches: Float64Array, hits: number }} total CPU time,
 *   total wall time, CPU time per batch (all in ns), hits
 */
export function timeBatches(total, body) {
  const batches = new Float64Array(Math.ceil(total / BATCH));
  let ns = 0;
  let wallNs = 0;
  let hits = 0;
  for (let b = 0, start = 0; start < total; b++, start += BATCH) {
    const end = Math.min(total, start + BATCH);
    const wall = process.hrtime.bigint();
    const cpu = cpuNow();
    hits += body(start, end);
    const took = cpuNow() - cpu;
    wallNs += Number(process.hrtime.bigint() - wall);
    batches[b] = took;
    ns += took;
  }
  return { ns, wallNs, batches, hits };
}

/** Forces two full collections when the worker runs with --expose-gc; otherwise does nothing. */
export function collectGarbage() {
  if (typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
}

/**
 * Value at quantile `q` (0..1) of an ascending array, by linear interpolation.
 *
 * @param {ArrayLike<number>} sorted - ascending values
 * @param {number} q - the quantile
 * @returns {number} the value
 */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/**
 * Median, min, max and interquartile range of a sample, which it keeps so that samples from
 * repeated jobs can be merged.
 *
 * @param {number[]} values - the sample
 * @returns {{ median: number, min: number, max: number, q1: number, q3: number, n: number,
 *   samples: number[] }} summary
 */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
    samples: [...values],
  };
}

/**
 * Runs warm-up rounds, then timed rounds, of a throughput workload, with a forced GC before each
 * round so one round's garbage is not billed to the next.
 *
 * @param {{ warmup: number, rounds: number }} settings - how many rounds of each kind
 * @param {() => { ops: number, ns: number, wallNs: number, batches: Float64Array, hits: number,
 *   reads: number }} round
 *   - runs one round
 * @returns {{ opsPerSec: object, opsPerWallSec: object, p99Micros: number, hitRatio: number }}
 *   the summary: ops per CPU second and per wall second, p99 CPU µs per batch, hit ratio
 */
export function runRounds(settings, round) {
  for (let i = 0; i < settings.warmup; i++) {
    collectGarbage();
    round();
  }
  const rates = [];
  const wallRates = [];
  const batches = [];
  let hits = 0;
  let reads = 0;
  for (let i = 0; i < settings.rounds; i++) {
    collectGarbage();
    const result = round();
    rates.push(result.ops / (result.ns / 1e9));
    wallRates.push(result.ops / (result.wallNs / 1e9));
    for (const ns of result.batches) batches.push(ns);
    hits += result.hits;
    reads += result.reads;
  }
  batches.sort((a, b) => a - b);
  return {
    opsPerSec: summarize(rates),
    opsPerWallSec: summarize(wallRates),
    p99Micros: quantile(batches, 0.99) / 1000,
    hitRatio: reads === 0 ? Number.NaN : hits / reads,
  };
}

/**
 * Counts the live timers of this thread.
 *
 * @returns {number} how many `Timeout` resources are active
 */
export function liveTimers() {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
}
