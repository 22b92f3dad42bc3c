// 100 %-hit reads: every key of the space is stored, reads follow a scrambled Zipf stream.
import { makeKeys, makeValues, scrambledZipf } from "../keys.mjs";
import { runRounds, timeBatches } from "../measure.mjs";

/** TTL that never runs out during a run, so TTL checks happen but nothing expires. */
export const LONG_TTL = 3_600_000;

/**
 * Builds the hit workload for Zipf exponent `s`.
 *
 * @param {number} s - the Zipf exponent
 * @returns {object} the workload
 */
export function hitWorkload(s) {
  return {
    id: `hit-zipf-${s}`,
    title: `100 % hit reads, Zipf s=${s}`,
    applies: () => true,
    run: (create, contender, settings) => runHit(create, contender, settings, s),
  };
}

/**
 * Fills `cache` with every key and returns one round of Zipf reads; its `body(start, end)` runs a
 * slice, for callers that interleave batches.
 *
 * @param {object} cache - an adapter
 * @param {{ space: number, ops: number, seed: number }} settings - the shape
 * @param {number} s - the Zipf exponent
 * @returns {(() => object) & { body: Function, total: number, reads: number }} one round
 */
export function hitRound(cache, settings, s) {
  const keys = makeKeys(settings.space);
  const stream = scrambledZipf({
    space: settings.space,
    length: settings.ops,
    s,
    seed: settings.seed,
  });
  const values = makeValues(keys.length);
  for (let i = 0; i < keys.length; i++) cache.set(keys[i], values[i]);
  const body = (start, end) => {
    let hits = 0;
    for (let i = start; i < end; i++) if (cache.get(keys[stream[i]]) !== undefined) hits++;
    return hits;
  };
  const total = stream.length;
  const round = () => ({ ...timeBatches(total, body), ops: total, reads: total });
  return Object.assign(round, { body, total, reads: total });
}

function runHit(create, contender, settings, s) {
  const cache = create({ max: settings.space, ttl: contender.ttl ? LONG_TTL : undefined });
  const summary = runRounds(settings, hitRound(cache, settings, s));
  cache.close();
  return summary;
}
