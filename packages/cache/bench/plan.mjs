// Which jobs run, which are skipped and why, and how a worker's answer becomes result rows.

const KEY_CHECKS = ["1 distinct", "__proto__"];

function gate(workload, failures) {
  const relevant = failures.filter(
    (failure) => workload.evicts || KEY_CHECKS.some((check) => failure.startsWith(check)),
  );
  return relevant.join("; ");
}

/**
 * Splits workload × contender pairs into jobs to run and rows already decided (n/a, failed).
 *
 * @param {{ workloads: object[], contenders: object[], checks: Record<string, string[]>,
 *   includeFailing: boolean }} input - what to plan
 * @returns {{ jobs: { workload: object, contender: object, incorrect: string }[],
 *   skipped: object[] }} the plan
 */
export function planJobs({ workloads, contenders, checks, includeFailing }) {
  const jobs = [];
  const skipped = [];
  for (const workload of workloads) {
    for (const contender of contenders) {
      if (workload.solo && !workload.applies(contender)) continue; // TtlCache-only, no n/a rows
      const row = { workloadId: workload.id, contenderId: contender.id, label: contender.label };
      const incorrect = gate(workload, checks[contender.id]);
      if (!workload.applies(contender))
        skipped.push({ ...row, status: "n/a", reason: "not supported" });
      else if (incorrect !== "" && !includeFailing)
        skipped.push({ ...row, status: "✗ not timed", reason: incorrect });
      else jobs.push({ workload, contender, incorrect });
    }
  }
  return { jobs, skipped };
}

function variantRows(job, data) {
  return data.variants.map((variant) => ({
    workloadId: job.workload.reportAs ?? job.workload.id,
    contenderId: `${job.contender.id}:${variant.id}`,
    label: variant.label,
    status: "ok",
    data: variant,
  }));
}

/**
 * Turns a worker's answer into result rows (one, or one per variant for telemetry).
 *
 * @param {{ workload: object, contender: object, incorrect: string }} job - the job
 * @param {{ ok: boolean, result?: object, error?: string }} answer - the worker's answer
 * @returns {object[]} the rows
 */
export function expandResult(job, answer) {
  const row = {
    workloadId: job.workload.id,
    contenderId: job.contender.id,
    label: job.contender.label,
  };
  if (!answer.ok) return [{ ...row, status: "error", reason: answer.error.split("\n")[0] }];
  if (answer.result.variants) return variantRows(job, answer.result);
  return [{ ...row, status: "ok", data: answer.result, incorrect: job.incorrect || undefined }];
}
