// One worker_thread per job: either the correctness check of a contender, or one workload on one
// contender. It answers with a single message and exits.
import { parentPort, workerData } from "node:worker_threads";
import { contenderById } from "./contenders.mjs";
import { checkCorrectness } from "./correctness.mjs";
import { workloadById } from "./workloads/index.mjs";

async function runJob({ kind, contenderId, workloadId, settings }) {
  const contender = contenderById(contenderId);
  const create = await contender.load();
  if (kind === "check") return { checks: checkCorrectness(contender, create) };
  return { result: await workloadById(workloadId).run(create, contender, settings) };
}

try {
  parentPort.postMessage({ ok: true, ...(await runJob(workerData)) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error: error instanceof Error ? error.stack : String(error),
  });
}
