/**
 * Narrows a report to what the gate judges in a scoped run (`--since`, `--staged`, `--baseline`):
 * findings outside the scope are dropped, and a rung that ran fails exactly when a finding in
 * scope is left. The verdict is the target alone: a threshold over the whole codebase (say, a
 * documentation score of 0.93 that old code holds down) does not fail a scoped run, and a new
 * finding fails it even where the threshold would have tolerated it.
 */
import type { Finding, RungStatus } from "../ladder/finding.js";
import { reachedRung, targetMet } from "../ladder/reached.js";
import type { GateNote, Report } from "../report/build-report.js";

/**
 * Keeps the findings in scope and recomputes the rungs' statuses and the verdict. A tool that
 * could not run (`<tool>/tool-failed`) is always in scope.
 *
 * @param report - the unscoped report
 * @param keep - whether a finding is in scope
 * @param only - the `--only` rungs, if any (for the verdict)
 * @param note - what the scope was, merged into the report's `gate` field
 * @returns the scoped report
 * @example
 * ```ts
 * scopeReport(report, (finding) => finding.file === "src/a.ts", undefined, { staged: true });
 * ```
 */
export function scopeReport(
  report: Report,
  keep: (finding: Finding) => boolean,
  only: readonly number[] | undefined,
  note: GateNote,
): Report {
  const findings = report.findings.filter(
    (finding) => finding.ruleId.endsWith("/tool-failed") || keep(finding),
  );
  return narrowReport(report, { findings, statusOf: scopedStatus, only, note });
}

/** How {@link narrowReport} rebuilds a report around a subset of its findings. */
export interface Narrowing {
  /** The findings that stay. */
  readonly findings: readonly Finding[];
  /** A rung's new status from its old one and the findings that stay. */
  readonly statusOf: (id: number, status: string, findings: readonly Finding[]) => string;
  /** The `--only` rungs, if any (for the verdict). */
  readonly only: readonly number[] | undefined;
  /** What the narrowing was, merged into the report's `gate` field. */
  readonly note: GateNote;
}

/**
 * Rebuilds a report around a subset of its findings: every rung's status, then the rung reached
 * and the verdict (the target alone). Shared by the scoped runs and by `--shard`.
 *
 * @param report - the report to narrow
 * @param narrowing - the findings that stay, the status rule, `--only` and the gate note
 * @returns the narrowed report
 * @example
 * ```ts
 * narrowReport(report, { findings: [], statusOf: (_id, status) => status, only: undefined, note: {} });
 * ```
 */
export function narrowReport(report: Report, narrowing: Narrowing): Report {
  const { findings, statusOf, only, note } = narrowing;
  const rungs = report.rungs.map((rung) => ({
    ...rung,
    status: statusOf(rung.id, rung.status, findings),
  }));
  const statuses = rungs.map((rung) => rung.status as RungStatus);
  return {
    ...report,
    reached: reachedRung(statuses),
    passed: targetMet(statuses, report.target, only),
    rungs,
    findings: [...findings],
    gate: { ...report.gate, ...note },
  };
}

/**
 * A rung that ran fails exactly when a finding in scope is left. Every rung reports its failures
 * as findings; rungs 4 and 7 also fail on a score below its threshold, which a scoped run ignores
 * (the score is the whole codebase's, and their findings may have been filtered before scoring).
 */
function scopedStatus(id: number, status: string, kept: readonly Finding[]): string {
  if (status !== "passed" && status !== "failed") return status;
  return kept.some((finding) => finding.rung === id) ? "failed" : "passed";
}
