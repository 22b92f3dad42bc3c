/**
 * The sentence that ends every human-readable report: how far the run got and whether it met
 * its target, and when the rungs passed but a score did not, which score. A run of some rungs
 * only (`--only 0,4,7`, the pre-commit hook) names the rungs it ran instead of a rung "reached",
 * because rungs it did not run say nothing about the ones above them.
 */
import type { Report } from "./build-report.js";

const CATEGORIES = ["documentation", "types", "tests", "lint", "overall"] as const;

/**
 * Describes a report's verdict in one sentence, without a trailing newline.
 *
 * @param report - the report
 * @returns such as `Reached 7 — documented; target 7: passed.`, or for an `--only` run
 *   `Passed 0, 4, 7 (of 0–7).` / `Failed 4; passed 0, 7 (of 0–7).`
 * @example
 * ```ts
 * describeVerdict(report); // "Passed 0, 4, 7 (of 0–7)."
 * ```
 */
export function describeVerdict(report: Report): string {
  const last = report.rungs.at(-1)?.id ?? 0;
  const ladder = `0–${String(last)}`;
  if (report.only !== undefined) return describeOnly(report, report.only, ladder);
  const reached =
    report.reached < 0
      ? `nothing (rung 0 ${rungStatus(report, 0)})`
      : `${String(report.reached)} — ${report.rungs[report.reached]?.name ?? ""}`;
  // Said only when the rungs alone met the target: then a score is why the run did not pass.
  const low = report.reached >= report.target ? lowScores(report) : "";
  return `Reached ${reached}; target ${String(report.target)}: ${report.passed ? "passed" : "not met"}${low}.`;
}

function describeOnly(report: Report, only: readonly number[], ladder: string): string {
  const failed = only.filter((id) => rungStatus(report, id) !== "passed");
  const passed = only.filter((id) => !failed.includes(id));
  if (failed.length === 0) return `Passed ${list(passed)} (of ${ladder})${lowScores(report)}.`;
  const also = passed.length > 0 ? `; passed ${list(passed)}` : "";
  return `Failed ${list(failed)}${also} (of ${ladder}).`;
}

function rungStatus(report: Report, id: number): string {
  return report.rungs.find((rung) => rung.id === id)?.status ?? "not-run";
}

function list(ids: readonly number[]): string {
  return ids.map(String).join(", ");
}

/** `, but documentation 0.80 is under its threshold 0.90` for each score under its threshold. */
function lowScores(report: Report): string {
  const thresholds = report.thresholds;
  if (thresholds === undefined) return "";
  const low = CATEGORIES.flatMap((key) => {
    const score = report.scores[key];
    return score !== null && score < thresholds[key]
      ? [`${key} ${shown(score)} is under its threshold ${thresholds[key].toFixed(2)}`]
      : [];
  });
  return low.length === 0 ? "" : `, but ${low.join(" and ")}`;
}

/**
 * A score with two decimals, rounded down: 0.996 under 1.00 rounded to "1.00 is under its
 * threshold 1.00" says nothing (the epsilon keeps 0.29 from reading 0.28).
 */
function shown(score: number): string {
  return (Math.floor(score * 100 + 1e-9) / 100).toFixed(2);
}
