// Tables of the Redis benchmark: latency per workload and the 8-process runs, each contender
// beside @ladder/cache/redis with ratios (a latency ratio above 1 is slower than it; a
// throughput ratio above 1 is faster).
import { compact, ratio } from "../format.mjs";

export const LATENCY_HEADER = [
  "workload",
  "contender",
  "p50 µs",
  "p99 µs",
  "p50 × ladder",
  "p99 × ladder",
];
export const THROUGHPUT_HEADER = [
  "workload",
  "contender",
  "ops/s (8 processes)",
  "spread",
  "× ladder",
  "loader calls",
  "per 1 000 calls",
  "CPU µs per call",
  "stampede loader calls",
  "stampede ms",
  "other processes see a set",
];

const BASE = "ladder";

/**
 * @param {object[]} rows - latency rows of every workload
 * @param {object[]} workloads - the workloads, for titles and order
 * @returns {string[][]} the cells
 */
export function latencyCells(rows, workloads) {
  return workloads.flatMap((workload) => {
    const own = rows.filter((row) => row.workloadId === workload.id);
    const base = own.find((row) => row.contenderId === BASE);
    return own.map((row) => [
      workload.title,
      row.label,
      compact(row.p50Micros),
      compact(row.p99Micros),
      ratio(row.p50Micros / base.p50Micros),
      ratio(row.p99Micros / base.p99Micros),
    ]);
  });
}

/**
 * @param {object[]} rows - one throughput row per mix and contender
 * @returns {string[][]} the cells
 */
export function throughputCells(rows) {
  return rows.map((row) => {
    const base = rows.find((other) => other.mixId === row.mixId && other.contenderId === BASE);
    return [
      row.mixTitle,
      row.label,
      compact(row.opsPerSec.median),
      `${compact(row.opsPerSec.min)}–${compact(row.opsPerSec.max)}`,
      ratio(row.opsPerSec.median / base.opsPerSec.median),
      compact(row.loads.median),
      compact(row.loadsPerThousand.median),
      compact(row.cpuMicrosPerCall.median),
      `${compact(row.stampedeLoads.min)}–${compact(row.stampedeLoads.max)}`,
      compact(row.stampedeMs.median),
      row.invalidates ? "at once (pub/sub)" : "after their local TTL (5 s)",
    ];
  });
}
