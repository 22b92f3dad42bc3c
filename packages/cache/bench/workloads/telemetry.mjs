// Telemetry overhead: the 90/10 mix on TtlCache with telemetry compiled out and with the channels
// but no subscriber (rounds interleaved in random order, so drift on a shared machine hits both
// alike), and, in a separate worker, with a subscriber on every per-key channel. The subscribed
// run needs its own isolate: subscribing changes the prototype of the channel objects, which would
// deoptimize the "no subscriber" code for the rest of the worker's life.
import { subscribe } from "node:diagnostics_channel";
import { createRandom, shuffle } from "../keys.mjs";
import { collectGarbage, quantile, summarize } from "../measure.mjs";
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

function summarizeVariant(samples) {
  const batches = samples.flatMap((sample) => [...sample.batches]).sort((a, b) => a - b);
  return {
    opsPerSec: summarize(samples.map((sample) => sample.ops / (sample.ns / 1e9))),
    p99Micros: quantile(batches, 0.99) / 1000,
    hitRatio: samples[0].hits / samples[0].reads,
  };
}

/** Each round is short, so the telemetry jobs run three times as many to tame the noise. */
const ROUND_FACTOR = 3;

function pairedRatios(samples, baseline) {
  const rate = (sample) => sample.ops / sample.ns;
  return samples.map((sample, i) => rate(sample) / rate(baseline[i]));
}

function interleave(variants, settings) {
  const random = createRandom(settings.seed);
  const samples = new Map(variants.map((variant) => [variant.id, []]));
  for (let i = 0; i < settings.warmup + settings.rounds * ROUND_FACTOR; i++) {
    for (const variant of shuffle([...variants], random)) {
      collectGarbage();
      const result = variant.round();
      if (i >= settings.warmup) samples.get(variant.id).push(result);
    }
  }
  const baseline = samples.get(variants[0].id);
  return variants.map((variant) => ({
    id: variant.id,
    label: variant.label,
    ...summarizeVariant(samples.get(variant.id)),
    pairedVsFirst: summarize(pairedRatios(samples.get(variant.id), baseline)),
    ...(variant.published ? { messagesPublished: variant.published() } : {}),
  }));
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
