// Read/write mixes over a Zipf 0.99 stream with capacity at 10 % of the key space.
import { makeKeys, makeOps, makeValues, scrambledZipf } from "../keys.mjs";
import { runRounds, timeBatches } from "../measure.mjs";
import { LONG_TTL } from "./hit.mjs";

/**
 * Builds a mix with the given write share.
 *
 * @param {number} writeShare - fraction of operations that are writes
 * @returns {object} the workload
 */
export function mixedWorkload(writeShare) {
  const reads = Math.round((1 - writeShare) * 100);
  return {
    id: `mix-${reads}-${100 - reads}`,
    title: `${reads}/${100 - reads} read/write, Zipf s=0.99, capacity 10 % of keys`,
    applies: () => true,
    evicts: true,
    run: (create, contender, settings) => runMixed(create, contender, settings, writeShare),
  };
}

/**
 * Runs a mix on one adapter; exported for the telemetry workload, which runs the same mix.
 *
 * @param {object} cache - an adapter
 * @param {object} settings - ops, space, seed, rounds
 * @param {number} writeShare - fraction of writes
 * @returns {(() => object) & { body: Function, total: number, reads: number }} one round; its
 *   `body(start, end)` runs a slice of it, for callers that interleave batches
 */
export function mixedRound(cache, settings, writeShare) {
  const keys = makeKeys(settings.space);
  const values = makeValues(settings.space);
  const stream = scrambledZipf({
    space: settings.space,
    length: settings.ops,
    s: 0.99,
    seed: settings.seed,
  });
  const ops = makeOps({ length: settings.ops, writeShare, seed: settings.seed + 1 });
  let reads = 0;
  for (const op of ops) if (op === 0) reads++;
  const body = (start, end) => {
    let hits = 0;
    for (let i = start; i < end; i++) {
      const index = stream[i];
      const key = keys[index];
      if (ops[i] === 1) cache.set(key, values[index]);
      else if (cache.get(key) !== undefined) hits++;
    }
    return hits;
  };
  const round = () => ({ ...timeBatches(stream.length, body), ops: stream.length, reads });
  return Object.assign(round, { body, total: stream.length, reads });
}

function runMixed(create, contender, settings, writeShare) {
  const ttl = contender.ttl ? LONG_TTL : undefined;
  const cache = create({ max: Math.round(settings.space / 10), ttl });
  const summary = runRounds(settings, mixedRound(cache, settings, writeShare));
  summary.size = cache.size();
  cache.close();
  return summary;
}
