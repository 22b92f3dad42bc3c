/**
 * Joins the JSON reports of `check --shard i/n` into the report an unsharded run gives: findings
 * are partitioned between shards, so they are concatenated; the scores over every symbol are the
 * same in every shard; rung statuses, the lint and overall scores and the verdict are recomputed.
 */
import type { QualityGateConfig } from "../config/config-schema.js";
import { scoreThresholds } from "../config/score-thresholds.js";
import { QualityGateError } from "../errors.js";
import type { RungStatus } from "../ladder/finding.js";
import { reachedRung, targetMet } from "../ladder/reached.js";
import { compareFindings, thresholdsHold, weightedMean } from "./build-report.js";
import type { GateNote, Report, Scores } from "./build-report.js";
import { rungIdsWhere } from "../ladder/rungs.js";

/** Precedence of statuses when shards differ: one failed shard fails the rung. */
const PRECEDENCE: readonly string[] = ["failed", "passed", "skipped", "not-run"];

/**
 * Merges shard reports.
 *
 * @param reports - one report per shard, `1/n` to `n/n`, in any order
 * @param config - the thresholds and weights of the verdict
 * @returns the merged report, without the `shard` note
 * @throws QualityGateError (`BAD_REPORT`) when the reports are not every shard of one run
 * @example
 * ```ts
 * const report = mergeReports([shard1, shard2], config);
 * const exitCode = report.passed ? 0 : 1;
 * ```
 */
export function mergeReports(reports: readonly Report[], config: QualityGateConfig): Report {
  const shards = checkShards(reports);
  const first = shards[0] as Report;
  const rungs = first.rungs.map((rung) => {
    const same = shards.map((report) => report.rungs[rung.id] ?? rung);
    const status = PRECEDENCE.find((s) => same.some((r) => r.status === s)) ?? rung.status;
    const durationMs = Math.max(...same.map((r) => r.durationMs));
    const startedAtMs = Math.min(...same.map((r) => r.startedAtMs));
    return { ...rung, status, durationMs, startedAtMs };
  });
  const statuses = rungs.map((rung) => rung.status as RungStatus);
  const scores = mergeScores(shards, statuses, config);
  const gate = mergeGate(shards);
  const { only } = first;
  return {
    version: first.version,
    ...(first.tool === undefined ? {} : { tool: first.tool }),
    target: first.target,
    reached: reachedRung(statuses, only),
    ...(only === undefined ? {} : { only }),
    passed: targetMet(statuses, first.target, only) && thresholdsHold(scores, config),
    rungs,
    scores,
    thresholds: scoreThresholds(config),
    findings: shards.flatMap((report) => report.findings).sort(compareFindings),
    symbols: first.symbols,
    internal: first.internal,
    ...(gate === undefined ? {} : { gate }),
  };
}

/** The reports sorted by shard, after checking they are every shard of one run. */
function checkShards(reports: readonly Report[]): Report[] {
  const bad = (why: string): QualityGateError =>
    new QualityGateError("BAD_REPORT", `merge-reports: ${why}`);
  const parsed = reports.map((report) => {
    const match = /^(\d+)\/(\d+)$/.exec(report.gate?.shard ?? "");
    if (match === null)
      throw bad("a report has no gate.shard; pass the JSON reports of check --shard i/n.");
    return { report, index: Number(match[1]), count: Number(match[2]) };
  });
  const count = parsed[0]?.count ?? 0;
  const indices = new Set(parsed.map((shard) => shard.index));
  const complete =
    count > 0 && parsed.every((shard) => shard.count === count) && indices.size === count;
  if (!complete || parsed.length !== count) {
    const have = parsed
      .map((shard) => `${String(shard.index)}/${String(shard.count)}`)
      .join(", ");
    throw bad(`expected each shard 1/n to n/n once, got ${have || "none"}.`);
  }
  checkSameRun(
    parsed.map((shard) => shard.report),
    bad,
  );
  return parsed.sort((a, b) => a.index - b.index).map((shard) => shard.report);
}

/** Shards of one run: one quality-gate, one repository and commit, the same target and rungs. */
function checkSameRun(reports: readonly Report[], bad: (why: string) => QualityGateError): void {
  const differ = (of: (report: Report) => unknown): boolean =>
    new Set(reports.map((report) => JSON.stringify(of(report)))).size > 1;
  if (differ((report) => [report.version, report.tool?.version]))
    throw bad(
      `the shards were written by different versions of quality-gate (${describeVersions(reports)}); run every shard with the same one.`,
    );
  if (differ((report) => [report.gate?.repository, report.gate?.commit]))
    throw bad(
      "the shards checked different repositories or commits; merge the shards of one run.",
    );
  if (differ((report) => [report.target, report.only]))
    throw bad(
      "the shards have different targets or --only rungs; run every shard with the same flags.",
    );
}

function describeVersions(reports: readonly Report[]): string {
  const versions = reports.map(
    (report) => `report ${report.version}, quality-gate ${report.tool?.version ?? "unknown"}`,
  );
  return [...new Set(versions)].join("; ");
}

function mergeScores(
  shards: readonly Report[],
  statuses: readonly RungStatus[],
  config: QualityGateConfig,
): Scores {
  const pick = (key: "documentation" | "types" | "tests"): number | null =>
    shards.map((report) => report.scores[key]).find((score) => score !== null) ?? null;
  const lintRungs = rungIdsWhere((traits) => traits.measures === "lint").filter(
    (id) => statuses[id] === "passed" || statuses[id] === "failed",
  );
  const lint =
    lintRungs.length === 0 ? null : lintRungs.every((id) => statuses[id] === "passed") ? 1 : 0;
  const partial = {
    documentation: pick("documentation"),
    types: pick("types"),
    tests: pick("tests"),
    lint,
  };
  return { ...partial, overall: weightedMean(partial, config.weights) };
}

/** The baseline's tolerated findings add up; the shard note goes. */
function mergeGate(shards: readonly Report[]): GateNote | undefined {
  const counts = shards.map((report) => report.gate?.tolerated).filter((n) => n !== undefined);
  if (counts.length === 0) return undefined;
  return { tolerated: counts.reduce((sum, n) => sum + n, 0) };
}
