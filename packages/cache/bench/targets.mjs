// The targets of issues 8 and 20, checked against a run's results. A target whose inputs were not measured
// (contender not timed, workload not run) is reported as not measured, never as met.
import { ratio } from "./format.mjs";
import { mainSummary, pairedRatios } from "./report.mjs";

function find(results, workloadId, contenderId) {
  return results.find((row) => row.workloadId === workloadId && row.contenderId === contenderId);
}

function ratioTarget(results, workloadId, baseId, minimum) {
  const mine = mainSummary(find(results, workloadId, "ttl-cache"))?.median;
  const base = mainSummary(find(results, workloadId, baseId))?.median;
  const value = mine / base;
  return {
    target: `${workloadId}: TtlCache ≥ ${minimum}× ${baseId} ops/s`,
    measured: Number.isFinite(value) ? `${value.toFixed(3)}×` : "not measured",
    met: Number.isFinite(value) ? value >= minimum : null,
  };
}

function pairedTarget(results, workloadId, baseId, minimum) {
  const ratios = pairedRatios(find(results, workloadId, `ttl-cache:${baseId}`));
  const value = ratios?.median ?? Number.NaN;
  return {
    target: `${workloadId} (one worker, paired rounds): TtlCache ≥ ${minimum}× ${baseId} ops/s`,
    measured: Number.isFinite(value)
      ? `${value.toFixed(3)}× (IQR ${ratio(ratios.q1)}–${ratio(ratios.q3)})`
      : "not measured",
    met: Number.isFinite(value) ? value >= minimum : null,
  };
}

function memoryTarget(results) {
  const mine = mainSummary(find(results, "memory", "ttl-cache"))?.median;
  const base = mainSummary(find(results, "memory", "lru-ttl"))?.median;
  return {
    target: "memory: TtlCache bytes/entry ≤ lru-cache (ttl)",
    measured: Number.isFinite(mine / base)
      ? `${mine.toFixed(1)} vs ${base.toFixed(1)} B/entry`
      : "not measured",
    met: Number.isFinite(mine / base) ? mine <= base : null,
  };
}

function policyMemoryTarget(results) {
  const tinyLfu = mainSummary(find(results, "memory", "ttl-cache-tinylfu"))?.median;
  const lru = mainSummary(find(results, "memory", "ttl-cache"))?.median;
  const value = tinyLfu / lru;
  return {
    target: "memory: TtlCache (tinylfu) bytes/entry ≤ 1.3× TtlCache (lru)",
    measured: Number.isFinite(value)
      ? `${tinyLfu.toFixed(1)} vs ${lru.toFixed(1)} B/entry (${value.toFixed(3)}×)`
      : "not measured",
    met: Number.isFinite(value) ? value <= 1.3 : null,
  };
}

function telemetryTarget(results) {
  // Paired: each timed round of the idle variant over the compiled-out round it alternated with.
  const paired = find(results, "telemetry", "ttl-cache:no-subscriber")?.data?.pairedVsFirst;
  const cost = paired === undefined ? Number.NaN : 1 - paired.median;
  return {
    target: "telemetry: no subscriber costs ≤ 3 % vs compiled out",
    measured: Number.isFinite(cost) ? `${(cost * 100).toFixed(1)} %` : "not measured",
    met: Number.isFinite(cost) ? cost <= 0.03 : null,
  };
}

function stampedeTarget(results) {
  const calls = find(results, "stampede", "ttl-cache")?.data?.loaderCalls;
  return {
    target: "stampede: exactly one loader call",
    measured: calls === undefined ? "not measured" : `${calls} call(s)`,
    met: calls === undefined ? null : calls === 1,
  };
}

function lingerTarget(results) {
  const lingering = find(results, "ttl-heavy", "ttl-cache")?.data?.lingering;
  return {
    target: "ttl-heavy: no entry lingers one sweep interval past expiry",
    measured: lingering === undefined ? "not measured" : `${lingering} left`,
    met: lingering === undefined ? null : lingering === 0,
  };
}

/**
 * Checks every target.
 *
 * @param {object[]} results - the run's result rows
 * @returns {{ issue: number, target: string, measured: string, met: boolean | null }[]} one line
 *   per target
 */
export function checkTargets(results) {
  const issue8 = checkIssue8(results).map((target) => ({ issue: 8, ...target }));
  // Issue 20: TTL on for TtlCache and lru-cache, head to head in one run.
  const issue20 = [
    pairedTarget(results, "h2h-hit-zipf-0.99", "mnemonist", 0.8),
    pairedTarget(results, "h2h-hit-zipf-0.99", "lru-ttl", 1.5),
    pairedTarget(results, "h2h-mix-90-10", "mnemonist", 1),
    policyMemoryTarget(results),
  ].map((target) => ({ issue: 20, ...target }));
  return [...issue8, ...issue20];
}

function checkIssue8(results) {
  const ratios = ["hit-zipf-0.99", "mix-90-10"].flatMap((workloadId) => [
    ratioTarget(results, workloadId, "lru-ttl", 1),
    ratioTarget(results, workloadId, "node-cache", 5),
    ratioTarget(results, workloadId, "map", 0.5),
  ]);
  const paired = ["h2h-hit-zipf-0.99", "h2h-mix-90-10"].flatMap((workloadId) => [
    pairedTarget(results, workloadId, "lru-ttl", 1),
    pairedTarget(results, workloadId, "map", 0.5),
  ]);
  return [
    ...ratios,
    ...paired,
    memoryTarget(results),
    telemetryTarget(results),
    stampedeTarget(results),
    lingerTarget(results),
  ];
}
