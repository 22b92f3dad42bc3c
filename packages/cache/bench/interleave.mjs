// Interleaved timing of several variants in one worker, batch by batch.
import { createRandom, shuffle } from "./keys.mjs";
import { BATCH, collectGarbage, quantile, summarize } from "./measure.mjs";

/** Each round is short, so the telemetry jobs run three times as many to tame the noise. */
const ROUND_FACTOR = 3;

/** Runs one batch of every variant in a random order; returns each variant's time in ns. */
function timeBatchOfEach(variants, start, end, random) {
  const ns = variants.map(() => 0);
  const hits = variants.map(() => 0);
  for (const v of shuffle(
    variants.map((_, index) => index),
    random,
  )) {
    const began = process.hrtime.bigint();
    hits[v] = variants[v].round.body(start, end);
    ns[v] = Number(process.hrtime.bigint() - began);
  }
  return { ns, hits };
}

/**
 * Runs the variants batch by batch, in a random order per batch, so each batch of one variant is
 * timed within microseconds of the same batch of the others: bursts of load from other processes
 * (or from the sibling hardware thread) hit all of them alike, and the per-batch time ratios
 * cancel them out. Each variant is `{ id, label, round }`, where `round.body(start, end)` runs a
 * slice of its workload and `round.total` / `round.reads` give its size.
 *
 * @param {object[]} variants - the variants; the first is the reference of the paired ratios
 * @param {{ warmup: number, rounds: number, seed: number }} settings - rounds and seed
 * @returns {object[]} per variant: ops/s, p99, hit ratio, and `pairedVsFirst` (this variant's
 *   speed over the first's in each round, whose batches alternated) for all but the first
 */
export function interleave(variants, settings) {
  const random = createRandom(settings.seed);
  const times = variants.map(() => []);
  const rates = variants.map(() => []);
  const hits = variants.map(() => 0);
  const { total, reads } = variants[0].round;
  for (let i = 0; i < settings.warmup + settings.rounds * ROUND_FACTOR; i++) {
    collectGarbage();
    const timed = i >= settings.warmup;
    const ns = variants.map(() => 0);
    for (let start = 0; start < total; start += BATCH) {
      const batch = timeBatchOfEach(variants, start, Math.min(total, start + BATCH), random);
      batch.ns.forEach((took, v) => {
        ns[v] += took;
        hits[v] += batch.hits[v];
        if (timed) times[v].push(took);
      });
    }
    if (timed) ns.forEach((value, v) => rates[v].push(total / (value / 1e9)));
  }
  return variants.map((variant, v) =>
    describe(variant, {
      rates: rates[v],
      rates0: rates[0],
      times,
      v,
      hitRatio: hits[v] / (reads * (settings.warmup + settings.rounds * ROUND_FACTOR)),
    }),
  );
}

function describe(variant, { rates, rates0, times, v, hitRatio }) {
  const sorted = [...times[v]].sort((a, b) => a - b);
  // Per round, not per batch: a round's total time is its throughput, heavy tails included, and
  // its batches alternated with the other variants', so load shifts cancel within the round.
  const paired = v === 0 ? undefined : summarize(rates.map((rate, r) => rate / rates0[r]));
  return {
    id: variant.id,
    label: variant.label,
    opsPerSec: summarize(rates),
    p99Micros: quantile(sorted, 0.99) / 1000,
    hitRatio,
    ...(paired === undefined ? {} : { pairedVsFirst: paired }),
    ...(variant.published ? { messagesPublished: variant.published() } : {}),
  };
}
