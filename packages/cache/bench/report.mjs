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

function notesOf(row, base, contender) {
  const data = row.data;
  const notes = [];
  const stripped = mainSummary(base.stripped)?.median;
  if (row.contenderId === "ttl-cache:no-subscriber") {
    notes.push(
      `cost vs compiled out ${percent(1 - data.pairedVsFirst.median)} (median of paired rounds)`,
    );
  } else if (stripped !== undefined && row !== base.stripped) {
    notes.push(`cost vs compiled out ${percent(1 - data.opsPerSec.median / stripped)}`);
  }
  if (data.messagesPublished !== undefined) notes.push(`${data.messagesPublished} messages`);
  if (data.size !== undefined)
    notes.push(`size ${data.size}${contender?.bounded === false ? " (unbounded)" : ""}`);
  if (data.sweepMs !== undefined) notes.push(`full sweep ${compact(data.sweepMs.median)} ms`);
  if (data.lingering !== undefined) notes.push(`lingering ${data.lingering}`);
  if (data.timers !== undefined) notes.push(`timers ${data.timers}`);
  if (data.loaderCalls !== undefined)
    notes.push(`loader calls ${data.loaderCalls}, p99 ${compact(data.p99Ms)} ms`);
  if (data.wrongValues) notes.push(`${data.wrongValues} wrong values`);
  if (row.incorrect) notes.push(`✗ fails check: ${row.incorrect}`);
  return notes.join("; ");
}

function cellsOf(row, base, contender) {
  if (row.status !== "ok") return [row.label, row.status, "", "", "", "", "", row.reason ?? ""];
  const main = mainSummary(row);
  const lru = mainSummary(base.lru)?.median;
  const map = mainSummary(base.map)?.median;
  return [
    row.label,
    compact(main.median),
    `${compact(main.min)}–${compact(main.max)}`,
    ratio(main.median / lru),
    ratio(main.median / map),
    row.data.p99Micros === undefined ? "—" : compact(row.data.p99Micros),
    percent(row.data.hitRatio),
    notesOf(row, base, contender),
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
        lru: rows.find((row) => row.contenderId === "lru-ttl"),
        map: rows.find((row) => row.contenderId === "map"),
        stripped: rows.find((row) => row.contenderId === "ttl-cache:stripped"),
      };
      const contender = (row) => contenders.find((candidate) => candidate.id === row.contenderId);
      return {
        title: workload.title,
        unit: unitOf(workload.id),
        rows: rows.map((row) => cellsOf(row, base, contender(row))),
      };
    })
    .filter((section) => section.rows.length > 0);
}
