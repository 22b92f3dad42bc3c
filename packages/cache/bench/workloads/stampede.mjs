// Stampede: CALLERS concurrent fetches of one missing key against a LOADER_MS loader.
import { setTimeout as sleep } from "node:timers/promises";
import { quantile, summarize } from "../measure.mjs";
import { LONG_TTL } from "./hit.mjs";

/** Concurrent callers per round. */
export const CALLERS = 1000;
/** How long the loader takes, in ms. */
export const LOADER_MS = 10;

/** The stampede workload; only contenders with a single-flight `fetch` take part. */
export const stampedeWorkload = {
  id: "stampede",
  title: `stampede: ${CALLERS} concurrent fetch of one key, ${LOADER_MS} ms loader`,
  applies: (contender) => contender.fetch,
  run: runStampede,
};

async function stampedeRound(create, contender) {
  let calls = 0;
  const loader = async () => {
    calls++;
    await sleep(LOADER_MS);
    return 42;
  };
  const cache = create({ max: 100, ttl: contender.ttl ? LONG_TTL : undefined, loader });
  const began = process.hrtime.bigint();
  const latencies = new Float64Array(CALLERS);
  const waits = Array.from({ length: CALLERS }, (_, i) =>
    cache.fetch("hot").then((value) => {
      latencies[i] = Number(process.hrtime.bigint() - began) / 1e6;
      return value;
    }),
  );
  const values = await Promise.all(waits);
  const totalMs = Number(process.hrtime.bigint() - began) / 1e6;
  cache.close();
  latencies.sort();
  const wrong = values.filter((value) => value !== 42).length;
  return { calls, totalMs, p99Ms: quantile(latencies, 0.99), wrong };
}

async function runStampede(create, contender, settings) {
  const rounds = [];
  for (let i = 0; i < settings.warmup + settings.rounds; i++) {
    const result = await stampedeRound(create, contender);
    if (i >= settings.warmup) rounds.push(result);
  }
  return {
    loaderCalls: Math.max(...rounds.map((round) => round.calls)),
    wrongValues: rounds.reduce((sum, round) => sum + round.wrong, 0),
    totalMs: summarize(rounds.map((round) => round.totalMs)),
    p99Ms: summarize(rounds.map((round) => round.p99Ms)).median,
  };
}
