// Every workload, in report order. A workload is data: { id, title, applies, evicts?, run }.
import { churnWorkload } from "./churn.mjs";
import { headToHeadHit, headToHeadMix } from "./head-to-head.mjs";
import { hitWorkload } from "./hit.mjs";
import { memoryWorkload } from "./memory.mjs";
import { mixedWorkload } from "./mixed.mjs";
import { stampedeWorkload } from "./stampede.mjs";
import { telemetrySubscribedWorkload, telemetryWorkload } from "./telemetry.mjs";
import { ttlHeavyWorkload } from "./ttl-heavy.mjs";

export const WORKLOADS = [
  hitWorkload(0.8),
  hitWorkload(0.99),
  mixedWorkload(0.1),
  mixedWorkload(0.25),
  churnWorkload,
  ttlHeavyWorkload,
  memoryWorkload,
  stampedeWorkload,
  telemetryWorkload,
  telemetrySubscribedWorkload,
  headToHeadHit,
  headToHeadMix,
];

/**
 * Finds a workload by id.
 *
 * @param {string} id - a workload id
 * @returns {(typeof WORKLOADS)[number]} the workload
 */
export function workloadById(id) {
  const found = WORKLOADS.find((workload) => workload.id === id);
  if (found === undefined) throw new Error(`Unknown workload "${id}".`);
  return found;
}
