// What `pnpm bench:hit-ratio` replays: each trace at each capacity, under LRU, TinyLFU and
// Belady's MIN. The traces' shapes are fixed here, before any result is seen; only the seed varies.
import { beladyHitRatio, staticBestHitRatio } from "./belady.mjs";
import { cacheHitRatio } from "./simulate.mjs";
import { SPACE, loopTrace, scanTrace, shiftingTrace, zipfTrace } from "./traces.mjs";

/** Capacities as fractions of the Zipf key space: 0.1 %, 1 % and 10 %. */
const SHARES = [0.001, 0.01, 0.1];

/** Columns of the printed table. */
export const HEADER = [
  "trace",
  "capacity",
  "LRU",
  "TinyLFU",
  "static best",
  "MIN",
  "TinyLFU − LRU",
  "MIN − TinyLFU",
];

/**
 * The scenarios of a run: a trace builder and the capacities to replay it at.
 *
 * @param {{ seed: number, quick: boolean }} options - the seed, and whether to run short traces
 * @returns {{ id: string, title: string, kind: string, capacities: number[], build: (capacity: number) => Uint32Array }[]} the scenarios
 */
export function scenarios({ seed, quick }) {
  const length = quick ? 100_000 : 1_000_000;
  const capacities = SHARES.map((share) => Math.round(SPACE * share));
  const zipf = (s) => ({
    id: `zipf-${s}`,
    title: `Zipf ${s}`,
    kind: "zipf",
    capacities,
    build: () => zipfTrace(s, length, seed),
  });
  return [
    zipf(0.8),
    zipf(0.99),
    zipf(1.2),
    ...recencyScenarios({ seed, quick, length, capacities }),
  ];
}

/** The traces where recency and frequency disagree: scans, a loop, a hot set that moves. */
function recencyScenarios({ seed, quick, length, capacities }) {
  const shifting = (requests) => () =>
    shiftingTrace({ length: requests, period: 20_000, shift: 1_000, seed });
  return [
    {
      id: "scan",
      title: "Zipf 0.99, 10 phases each ending in a scan of 20 000 one-time keys",
      kind: "scan",
      capacities,
      build: () => scanTrace({ length, scan: quick ? 2_000 : 20_000, phases: 10, seed }),
    },
    {
      id: "loop",
      title: "a loop over 1.1 × capacity keys",
      kind: "loop",
      capacities,
      build: (capacity) => loopTrace(Math.round(capacity * 1.1), length),
    },
    {
      id: "shifting",
      title: "Zipf 0.99 whose ranks move 500–1 500 keys every 20 000 requests",
      kind: "shifting",
      capacities,
      build: shifting(length),
    },
    // The hill climber moves the window once per 10 × capacity requests: at 10 % of the keys, a
    // million requests give it ten moves. The same trace, four times longer, shows where it settles.
    {
      id: "shifting-4M",
      title: "the shifting trace, four times longer",
      kind: "shifting",
      capacities: [capacities[2]],
      build: shifting(4 * length),
    },
  ];
}

/**
 * Replays every scenario at every capacity under the three policies.
 *
 * @param {ReturnType<typeof scenarios>} list - the scenarios
 * @param {(line: string) => void} log - progress output
 * @returns {{ id: string, title: string, kind: string, capacity: number, share: number, lru: number, tinylfu: number, min: number }[]} one result per scenario and capacity
 */
export function runScenarios(list, log) {
  const results = [];
  let cached;
  for (const scenario of list) {
    for (const capacity of scenario.capacities) {
      // Traces that do not depend on the capacity are built once.
      const trace =
        scenario.kind === "loop" || cached?.id !== scenario.id
          ? scenario.build(capacity)
          : cached.trace;
      cached = { id: scenario.id, trace };
      const result = {
        id: scenario.id,
        title: scenario.title,
        kind: scenario.kind,
        capacity,
        share: capacity / SPACE,
        lru: cacheHitRatio(trace, capacity, "lru"),
        tinylfu: cacheHitRatio(trace, capacity, "tinylfu"),
        staticBest: staticBestHitRatio(trace, capacity),
        min: beladyHitRatio(trace, capacity),
      };
      log(
        `${scenario.id} at ${capacity}: LRU ${pct(result.lru)}, TinyLFU ${pct(result.tinylfu)}, MIN ${pct(result.min)}`,
      );
      results.push(result);
    }
  }
  return results;
}

function pct(value) {
  return `${(value * 100).toFixed(1)} %`;
}
