// Turns results into table rows: one section per workload, one row per contender, with ratio
// columns against lru-cache (ttl) and against a bare Map.
import { compact, percent, ratio } from "./format.mjs";
import { summarize } from "./measure.mjs";
import { LRU_VARIANTS } from "./workloads/head-to-head.mjs";

export const HEADER = [
  "contender",
  "median",
  "spread (min–max)",
  "× lru-ttl",
  "× Map",
  "p99 µs/1k ops",
  "hit %",
  "notes",
];

/** What the main value of a workload is: ops/s (higher is better) unless listed here. */
const MAIN_VALUE = {
  memory: { unit: "B/entry", pick: (data) => data.bytesPerEntry },
  stampede: { unit: "ms to settle all", pick: (data) => data.totalMs },
};
const THROUGHPUT = { unit: "ops/s", pick: (data) => data.opsPerSec };

/**
 * The unit of a workload's main value.
 *
 * @param {string} workloadId - the workload
 * @returns {string} the unit
 */
export function unitOf(workloadId) {
  return (MAIN_VALUE[workloadId] ?? THROUGHPUT).unit;
}

/**
 * The main value (a summary with median/min/max) of a result, if it was measured.
 *
 * @param {object | undefined} row - a result row
 * @returns {object | undefined} the summary
 */
export function mainSummary(row) {
  if (row?.status !== "ok") return undefined;
  return (MAIN_VALUE[row.workloadId] ?? THROUGHPUT).pick(row.data);
}

/** Notes shown when the row's data carries the field; each returns its text. */
const NOTES = [
  [
    "size",
    (data, row, contender) =>
      `size ${data.size}${contender?.bounded === false ? " (unbounded)" : ""}`,
  ],
  ["sweepMs", (data) => `full sweep ${compact(data.sweepMs.median)} ms`],
  ["lingering", (data) => `lingering ${data.lingering}`],
  ["timers", (data) => `timers ${data.timers}`],
  ["loaderCalls", (data) => `loader calls ${data.loaderCalls}, p99 ${compact(data.p99Ms)} ms`],
  ["pairedVsFirst", (data, row) => pairedNote(data, row)],
  ["messagesPublished", (data) => `${data.messagesPublished} messages`],
  [
    "strippedMedian",
    (data) =>
      `cost vs compiled out ${percent(1 - data.opsPerSec.median / data.strippedMedian)} (medians, separate workers)`,
  ],
];

function pairedNote(data, row) {
  const median = data.pairedVsFirst.median;
  if (row.workloadId.startsWith("h2h"))
    return `TtlCache is ${ratio(1 / median)} this (paired rounds)`;
  return `cost vs compiled out ${percent(1 - median)} (paired rounds)`;
}

/**
 * TtlCache's speed over a head-to-head variant's, round by round (their batches alternated).
 *
 * @param {object | undefined} row - a head-to-head result row other than TtlCache's
 * @returns {object | undefined} the summary (median, quartiles, min, max) of the per-round ratios
 */
export function pairedRatios(row) {
  const samples = row?.status === "ok" ? row.data.pairedVsFirst?.samples : undefined;
  return samples === undefined ? undefined : summarize(samples.map((speed) => 1 / speed));
}

export const H2H_HEADER = [
  "workload",
  "contender",
  "TtlCache ÷ it",
  "IQR (q1–q3)",
  "spread (min–max)",
  "rounds",
  "",
];

/**
 * The head-to-head ratios: per workload, TtlCache's speed over each contender's, as the median of
 * per-round ratios, and which of the LRUs was the fastest.
 *
 * @param {object[]} results - result rows
 * @returns {string[][]} the rows
 */
export function buildHeadToHead(results) {
  const rows = [];
  const workloadIds = [...new Set(results.map((row) => row.workloadId))].filter((id) =>
    id.startsWith("h2h"),
  );
  for (const workloadId of workloadIds) {
    const variants = results
      .filter((row) => row.workloadId === workloadId && row.contenderId !== "ttl-cache:ttl-cache")
      .map((row) => ({ row, ratios: pairedRatios(row) }))
      .filter((variant) => variant.ratios !== undefined);
    const lrus = variants.filter(({ row }) =>
      LRU_VARIANTS.includes(row.contenderId.replace(/^ttl-cache:/, "")),
    );
    const fastest = lrus.reduce(
      (best, variant) =>
        best === undefined || variant.ratios.median < best.ratios.median ? variant : best,
      undefined,
    );
    for (const variant of variants) {
      const { row, ratios } = variant;
      rows.push([
        workloadId,
        row.label,
        ratio(ratios.median),
        `${ratio(ratios.q1)}–${ratio(ratios.q3)}`,
        `${ratio(ratios.min)}–${ratio(ratios.max)}`,
        String(ratios.n),
        variant === fastest ? "fastest LRU" : "",
      ]);
    }
  }
  return rows;
}

function notesOf(row, contender) {
  const notes = NOTES.filter(([field]) => row.data[field] !== undefined).map(([, format]) =>
    format(row.data, row, contender),
  );
  if (row.data.wrongValues) notes.push(`${row.data.wrongValues} wrong values`);
  if (row.incorrect) notes.push(`✗ fails check: ${row.incorrect}`);
  return notes.filter((note) => note !== "").join("; ");
}

/** Speed relative to the first variant of a paired section (1 for the first itself). */
const pairedSpeed = (row) => row?.data?.pairedVsFirst?.median ?? (row ? 1 : Number.NaN);

function baselines(row, base, main) {
  if (!row.workloadId.startsWith("h2h")) {
    return { lru: mainSummary(base.lru)?.median, map: mainSummary(base.map)?.median };
  }
  const scale = (other) => main.median * (pairedSpeed(other) / pairedSpeed(row));
  return { lru: scale(base.lru), map: scale(base.map) };
}

function cellsOf(row, base, contender) {
  if (row.status !== "ok") return [row.label, row.status, "", "", "", "", "", row.reason ?? ""];
  const main = mainSummary(row);
  const { lru, map } = baselines(row, base, main);
  return [
    row.label,
    compact(main.median),
    `${compact(main.min)}–${compact(main.max)}`,
    ratio(main.median / lru),
    ratio(main.median / map),
    row.data.p99Micros === undefined ? "—" : compact(row.data.p99Micros),
    percent(row.data.hitRatio),
    notesOf(row, contender),
  ];
}

/**
 * Groups results into sections of rows ready to render.
 *
 * @param {object[]} results - result rows in display order
 * @param {object[]} workloads - the workloads, in order
 * @param {object[]} contenders - the contenders
 * @returns {{ title: string, unit: string, rows: string[][] }[]} the sections
 */
export function buildSections(results, workloads, contenders) {
  return workloads
    .map((workload) => {
      const rows = results.filter((row) => row.workloadId === workload.id);
      const base = {
        lru: rows.find((row) => row.contenderId.replace(/^ttl-cache:/, "") === "lru-ttl"),
        map: rows.find((row) => row.contenderId.replace(/^ttl-cache:/, "") === "map"),
      };
      const stripped = rows.find((row) => row.contenderId === "ttl-cache:stripped");
      for (const row of rows) {
        if (row.contenderId === "ttl-cache:subscribed" && stripped)
          row.data.strippedMedian = stripped.data.opsPerSec.median;
      }
      const contender = (row) => contenders.find((candidate) => candidate.id === row.contenderId);
      return {
        title: workload.title,
        unit: unitOf(workload.id),
        rows: rows.map((row) => cellsOf(row, base, contender(row))),
      };
    })
    .filter((section) => section.rows.length > 0);
}
