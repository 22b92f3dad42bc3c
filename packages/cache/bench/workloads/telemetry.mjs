// Telemetry overhead: the 90/10 mix on TtlCache with telemetry compiled out, with the channels but
// no subscriber, and with a subscriber on every per-key channel. Rounds are interleaved in a
// random order so that drift on a shared machine hits every variant alike.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { adaptTtlCache } from "../contenders.mjs";
import { createRandom, shuffle } from "../keys.mjs";
import { collectGarbage, quantile, summarize } from "../measure.mjs";
import { importStrippedTtlCache } from "../strip-telemetry.mjs";
import { mixedRound } from "./mixed.mjs";
import { LONG_TTL } from "./hit.mjs";

/** The telemetry workload; it runs TtlCache only, in three variants. */
export const telemetryWorkload = {
  id: "telemetry",
  title: "telemetry overhead, 90/10 mix on TtlCache",
  applies: (contender) => contender.id === "ttl-cache",
  run: runTelemetry,
};

const PER_KEY = ["hit", "miss", "set", "evict", "expire", "delete"].map(
  (name) => `ladder:cache:${name}`,
);

async function makeVariants(settings) {
  const { TtlCache } = await import("../../dist/index.js");
  const stripped = await importStrippedTtlCache();
  const capacity = Math.round(settings.space / 10);
  const make = (Class) =>
    mixedRound(adaptTtlCache(Class)({ max: capacity, ttl: LONG_TTL }), settings, 0.1);
  let published = 0;
  const listener = () => {
    published++;
  };
  return {
    removed: stripped.removed,
    published: () => published,
    variants: [
      {
        id: "stripped",
        label: "TtlCache, telemetry compiled out",
        round: make(stripped.TtlCache),
      },
      { id: "no-subscriber", label: "TtlCache, no subscriber", round: make(TtlCache) },
      {
        id: "subscribed",
        label: "TtlCache, subscriber on every per-key channel",
        round: make(TtlCache),
        before: () => PER_KEY.forEach((name) => subscribe(name, listener)),
        after: () => PER_KEY.forEach((name) => unsubscribe(name, listener)),
      },
    ],
  };
}

function summarizeVariant(samples) {
  const batches = samples.flatMap((sample) => [...sample.batches]).sort((a, b) => a - b);
  return {
    opsPerSec: summarize(samples.map((sample) => sample.ops / (sample.ns / 1e9))),
    p99Micros: quantile(batches, 0.99) / 1000,
    hitRatio: samples[0].hits / samples[0].reads,
  };
}

async function runTelemetry(create, contender, settings) {
  const { variants, removed, published } = await makeVariants(settings);
  const random = createRandom(settings.seed);
  const samples = new Map(variants.map((variant) => [variant.id, []]));
  for (let i = 0; i < settings.warmup + settings.rounds; i++) {
    for (const variant of shuffle([...variants], random)) {
      collectGarbage();
      variant.before?.();
      const result = variant.round();
      variant.after?.();
      if (i >= settings.warmup) samples.get(variant.id).push(result);
    }
  }
  const rows = variants.map((variant) => ({
    id: variant.id,
    label: variant.label,
    ...summarizeVariant(samples.get(variant.id)),
  }));
  return { variants: rows, guardsRemoved: removed, messagesPublished: published() };
}
