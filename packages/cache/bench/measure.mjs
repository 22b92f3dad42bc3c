// Timing and statistics helpers. Timed code runs in batches of BATCH operations; each batch is
// timed with the monotonic high-resolution clock, which gives both throughput and p99 latency.

/** Operations per timed batch (the unit of the p99 latency). */
export const BATCH = 1000;

/**
 * Runs `body` over [0, total) in batches of {@link BATCH}, timing each batch.
 *
 * @param {number} total - number of operations
 * @param {(start: number, end: number) => number} body - runs operations [start, end) and
 *   returns how many of them were hits
 * @returns {{ ns: number, batches: Float64Array, hits: number }} total time, per-batch times, hits
 */
export function timeBatches(total, body) {
  const batches = new Float64Array(Math.ceil(total / BATCH));
  let ns = 0;
  let hits = 0;
  for (let b = 0, start = 0; start < total; b++, start += BATCH) {
    const end = Math.min(total, start + BATCH);
    const began = process.hrtime.bigint();
    hits += body(start, end);
    const took = Number(process.hrtime.bigint() - began);
    batches[b] = took;
    ns += took;
  }
  return { ns, batches, hits };
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
 * @param {() => { ops: number, ns: number, batches: Float64Array, hits: number, reads: number }} round
 *   - runs one round
 * @returns {{ opsPerSec: object, p99Micros: number, hitRatio: number }} the summary
 */
export function runRounds(settings, round) {
  for (let i = 0; i < settings.warmup; i++) {
    collectGarbage();
    round();
  }
  const rates = [];
  const batches = [];
  let hits = 0;
  let reads = 0;
  for (let i = 0; i < settings.rounds; i++) {
    collectGarbage();
    const result = round();
    rates.push(result.ops / (result.ns / 1e9));
    for (const ns of result.batches) batches.push(ns);
    hits += result.hits;
    reads += result.reads;
  }
  batches.sort((a, b) => a - b);
  return {
    opsPerSec: summarize(rates),
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
