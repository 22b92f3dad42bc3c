// Turns results into table rows: one section per workload, one row per contender, with ratio
// columns against lru-cache (ttl) and against a bare Map.
import { compact, percent, ratio } from "./format.mjs";

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
