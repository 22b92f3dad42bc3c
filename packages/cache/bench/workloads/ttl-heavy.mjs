// TTL-heavy: uniform 1–60 s TTLs on a fake clock. Measures throughput while entries expire, the
// pause of one full sweep, and how many expired entries are left behind one sweep interval after
// the last expiry.
import { createRandom, makeKeys, makeValues, scrambledZipf } from "../keys.mjs";
import { collectGarbage, liveTimers, runRounds, summarize, timeBatches } from "../measure.mjs";
import { installFakeClock } from "../fake-clock.mjs";

/** Real milliseconds between background sweeps, for contenders that let us choose. */
export const SWEEP_INTERVAL = 1000;

/** The TTL-heavy workload. */
export const ttlHeavyWorkload = {
  id: "ttl-heavy",
  title: "TTL-heavy: uniform 1–60 s TTLs, fake clock",
  applies: (contender) => contender.ttl && contender.perEntryTtl !== false,
  run: runTtlHeavy,
};

function makeTtls(count, seed) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => 1000 + Math.floor(random() * 59_001));
}

/** Fills `cache` while the clock runs 0 → 30 s, then reads while it runs 30 → 60 s. */
function makeRound(create, clock, input) {
  const { keys, ttls, stream } = input;
  const total = keys.length + stream.length;
  const step = 30_000 / keys.length;
  const sweeps = [];
  const round = () => {
    clock.set(0);
    const cache = create({ max: keys.length, now: clock.now, sweepInterval: SWEEP_INTERVAL });
    collectGarbage();
    const timed = timeBatches(total, (start, end) => {
      let hits = 0;
      for (let i = start; i < end; i++) {
        clock.advance(step);
        if (i < keys.length) cache.set(keys[i], input.values[i], ttls[i]);
        else if (cache.get(keys[stream[i - keys.length]]) !== undefined) hits++;
      }
      return hits;
    });
    const began = process.hrtime.bigint();
    cache.purge();
    sweeps.push(Number(process.hrtime.bigint() - began) / 1e6);
    cache.close();
    return { ...timed, ops: total, reads: stream.length };
  };
  return { round, sweeps };
}

async function countLingering(create, clock, input) {
  clock.set(0);
  const cache = create({ max: input.keys.length, now: clock.now, sweepInterval: SWEEP_INTERVAL });
  for (let i = 0; i < input.keys.length; i++)
    cache.set(input.keys[i], input.values[i], input.ttls[i]);
  const timers = liveTimers();
  clock.set(60_000 + SWEEP_INTERVAL); // every entry expired at least one sweep interval ago
  await new Promise((resolve) => setTimeout(resolve, SWEEP_INTERVAL * 1.2));
  const lingering = cache.size();
  cache.close();
  return { lingering, timers };
}

async function runTtlHeavy(create, contender, settings) {
  const clock = installFakeClock();
  const count = Math.round(settings.space / 2);
  const input = {
    keys: makeKeys(count),
    values: makeValues(count),
    ttls: makeTtls(count, settings.seed),
    stream: scrambledZipf({ space: count, length: count, s: 0.99, seed: settings.seed }),
  };
  const { round, sweeps } = makeRound(create, clock, input);
  const summary = runRounds(settings, round);
  summary.sweepMs = summarize(sweeps.slice(settings.warmup));
  Object.assign(summary, await countLingering(create, clock, input));
  summary.clock = contender.clock ? "injected" : "global performance.now/Date.now patched";
  clock.restore();
  return summary;
}
