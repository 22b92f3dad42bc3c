// Latency of single calls, awaited one after another in this process: a local hit, a remote hit
// (Redis alone, no local tier), and a miss in both tiers. The contenders run round by round in a
// rotating order, so load from the rest of the machine falls on all of them alike; each round's
// first pass is a warm-up and is not timed.
import { quantile } from "../measure.mjs";
import { userFor } from "./values.mjs";

const KEYS = 1_000;

export const LATENCY_WORKLOADS = [
  {
    id: "local-hit",
    title: "get, local hit (two tiers)",
    tier: "two-tier",
    ops: 20_000,
    async prepare(cache, keys) {
      for (const key of keys) await cache.set(key, userFor(key));
      for (const key of keys) await cache.get(key);
    },
    run: (cache, keys, i) => cache.get(keys[i % keys.length]),
  },
  {
    id: "remote-hit",
    title: "get, remote hit (Redis alone)",
    tier: "remote",
    ops: 2_000,
    async prepare(cache, keys) {
      for (const key of keys) await cache.set(key, userFor(key));
    },
    run: (cache, keys, i) => cache.get(keys[i % keys.length]),
  },
  {
    id: "miss",
    title: "get, miss in both tiers",
    tier: "two-tier",
    ops: 2_000,
    // Nothing to store: every key asked for is new.
    prepare: () => Promise.resolve(),
    run: (cache, keys, i, round) => cache.get(`absent:${round}:${i}`),
  },
];

async function timeOps({ cache, keys, ops, round }, workload) {
  const samples = new Float64Array(ops);
  for (let i = 0; i < ops; i++) {
    const started = process.hrtime.bigint();
    await workload.run(cache, keys, i, round);
    samples[i] = Number(process.hrtime.bigint() - started);
  }
  return samples;
}

/**
 * Runs one latency workload on every contender.
 *
 * @param {object} workload - from {@link LATENCY_WORKLOADS}
 * @param {object[]} contenders - the adapters
 * @param {{ url: string, rounds: number, scale: number, log: (line: string) => void }} settings
 * @returns {Promise<object[]>} one row per contender: p50, p99 and mean in µs
 */
export async function runLatency(workload, contenders, settings) {
  const keys = Array.from({ length: KEYS }, (_, i) => `user:${i}`);
  const ops = Math.max(100, Math.round(workload.ops * settings.scale));
  const caches = [];
  for (const contender of contenders) {
    const cache = contender.create({
      url: settings.url,
      namespace: `lat-${workload.id}-${contender.id}`,
      tier: workload.tier,
    });
    await workload.prepare(cache, keys);
    caches.push({ contender, cache, samples: [] });
  }
  for (let round = 0; round <= settings.rounds; round++) {
    settings.log(`latency ${workload.id}: round ${round}/${settings.rounds}`);
    for (let j = 0; j < caches.length; j++) {
      const entry = caches[(round + j) % caches.length];
      const samples = await timeOps({ cache: entry.cache, keys, ops, round }, workload);
      if (round > 0) entry.samples.push(samples);
    }
  }
  const rows = [];
  for (const { contender, cache, samples } of caches) {
    await cache.close();
    const all = Float64Array.from(samples.flatMap((s) => [...s])).sort();
    const mean = all.reduce((sum, ns) => sum + ns, 0) / all.length;
    rows.push({
      workloadId: workload.id,
      contenderId: contender.id,
      label: contender.label,
      samples: all.length,
      p50Micros: quantile(all, 0.5) / 1000,
      p99Micros: quantile(all, 0.99) / 1000,
      meanMicros: mean / 1000,
    });
  }
  return rows;
}
