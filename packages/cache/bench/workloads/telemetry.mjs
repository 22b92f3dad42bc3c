// Telemetry overhead: the 90/10 mix on TtlCache with telemetry compiled out and with the channels
// but no subscriber (rounds interleaved in random order, so drift on a shared machine hits both
// alike), and, in a separate worker, with a subscriber on every per-key channel. The subscribed
// run needs its own isolate: subscribing changes the prototype of the channel objects, which would
// deoptimize the "no subscriber" code for the rest of the worker's life.
import { subscribe } from "node:diagnostics_channel";
import { createRandom, shuffle } from "../keys.mjs";
import { BATCH, collectGarbage, quantile, summarize } from "../measure.mjs";
import { importStrippedTtlCache } from "../strip-telemetry.mjs";
import { LONG_TTL } from "./hit.mjs";

const PER_KEY = ["hit", "miss", "set", "evict", "expire", "delete"].map(
  (name) => `ladder:cache:${name}`,
);

// Each variant imports its own instance of the adapter and loop modules (a query string makes a
// new module), so the variants never share inline caches and each stays monomorphic.
async function makeRound(Class, settings, variant) {
  const { adaptTtlCache } = await import(`../contenders.mjs?${variant}`);
  const { mixedRound } = await import(`./mixed.mjs?${variant}`);
  const capacity = Math.round(settings.space / 10);
  return mixedRound(adaptTtlCache(Class)({ max: capacity, ttl: LONG_TTL }), settings, 0.1);
}

async function idleVariants(settings) {
  const { TtlCache } = await import("../../dist/index.js");
  const stripped = await importStrippedTtlCache();
  if (stripped.removed === 0) throw new Error("strip-telemetry.mjs no longer matches the build.");
  return [
    {
      id: "stripped",
      label: "TtlCache, telemetry compiled out",
      round: await makeRound(stripped.TtlCache, settings, "stripped"),
    },
    {
      id: "no-subscriber",
      label: "TtlCache, no subscriber",
      round: await makeRound(TtlCache, settings, "idle"),
    },
  ];
}

async function subscribedVariants(settings) {
  const { TtlCache } = await import("../../dist/index.js");
  let published = 0;
  for (const name of PER_KEY) {
    subscribe(name, () => {
      published++;
    });
  }
  return [
    {
      id: "subscribed",
      label: "TtlCache, subscriber on every per-key channel",
      round: await makeRound(TtlCache, settings, "subscribed"),
      published: () => published,
    },
  ];
}

/**
 * Runs the variants batch by batch, alternating which goes first, so each batch of one variant is
 * timed within microseconds of the same batch of the other: bursts of load from other processes
 * then hit both alike, and the per-batch time ratios cancel them out.
 */
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

function interleave(variants, settings) {
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
      times,
      v,
      hitRatio: hits[v] / (reads * (settings.warmup + settings.rounds * ROUND_FACTOR)),
    }),
  );
}

function describe(variant, { rates, times, v, hitRatio }) {
  const sorted = [...times[v]].sort((a, b) => a - b);
  const paired = v === 0 ? undefined : summarize(times[v].map((ns, b) => times[0][b] / ns));
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

const onlyTtlCache = (contender) => contender.id === "ttl-cache";

/** Telemetry compiled out vs present with no subscriber, interleaved in one worker. */
export const telemetryWorkload = {
  id: "telemetry",
  title: "telemetry overhead, 90/10 mix on TtlCache",
  applies: onlyTtlCache,
  run: async (create, contender, settings) => ({
    variants: interleave(await idleVariants(settings), settings),
  }),
};

/** The same mix with a subscriber on every per-key channel, in its own worker. */
export const telemetrySubscribedWorkload = {
  id: "telemetry-subscribed",
  reportAs: "telemetry",
  title: "telemetry overhead, 90/10 mix on TtlCache (subscribed)",
  applies: onlyTtlCache,
  run: async (create, contender, settings) => ({
    variants: interleave(await subscribedVariants(settings), settings),
  }),
};
