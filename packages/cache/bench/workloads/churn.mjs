// Insert churn at capacity: every set stores a new key into a full cache (the eviction path).
import { makeKeys, makeValues } from "../keys.mjs";
import { collectGarbage, runRounds, timeBatches } from "../measure.mjs";
import { LONG_TTL } from "./hit.mjs";

/** The churn workload. */
export const churnWorkload = {
  id: "churn",
  title: "insert churn at capacity (eviction path)",
  applies: () => true,
  evicts: true,
  run: runChurn,
};

function runChurn(create, contender, settings) {
  const capacity = Math.round(settings.space / 10);
  const fill = makeKeys(capacity, "fill:");
  const fresh = makeKeys(settings.ops, "churn:");
  const values = makeValues(settings.ops);
  const ttl = contender.ttl ? LONG_TTL : undefined;
  let size = 0;
  const round = () => {
    const cache = create({ max: capacity, ttl });
    for (let i = 0; i < fill.length; i++) cache.set(fill[i], values[i]);
    collectGarbage();
    const timed = timeBatches(fresh.length, (start, end) => {
      for (let i = start; i < end; i++) cache.set(fresh[i], values[i]);
      return 0;
    });
    size = cache.size();
    cache.close();
    return { ...timed, ops: fresh.length, reads: 0 };
  };
  const summary = runRounds(settings, round);
  summary.size = size;
  return summary;
}
