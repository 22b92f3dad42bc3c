/**
 * The JSON report, the contract other tools build on: `{ version, target, reached, passed, rungs,
 * scores, findings, symbols }` as `spec/ladder.md` defines it, plus `internal` (the `@internal`
 * symbols, reported apart). A category not measured by this run scores `null`, never a fake value.
 */
import type { QualityGateConfig } from "../config/config-schema.js";
import { scoreThresholds } from "../config/score-thresholds.js";
import type { ScoreThresholds } from "../config/score-thresholds.js";
import type { Finding, ToolUsed } from "../ladder/finding.js";
import { reachedRung, targetMet } from "../ladder/reached.js";
import type { LadderResult } from "../ladder/run-ladder.js";
import type { InternalSymbol } from "../scorer/collect-symbols.js";
import { scoreCollected } from "../scorer/score-workspace.js";
import { toolVersion } from "../tool-version.js";
import type { ScoredSymbol } from "../scorer/score-workspace.js";
import { rungIdsWhere } from "../ladder/rungs.js";

/** The report format's version; bumped on any incompatible change. */
export const REPORT_VERSION = "1.1";

/** Category scores in [0, 1], `null` when this run did not measure the category. */
export interface Scores {
  /** Rung 7's documentation score. */
  readonly documentation: number | null;
  /** Rung 4's types score. */
  readonly types: number | null;
  /** Rung 3's line coverage, as a fraction. */
  readonly tests: number | null;
  /** 1 when the format and lint rungs that ran are clean, else 0. */
  readonly lint: number | null;
  /** The weighted mean of the measured categories. */
  readonly overall: number | null;
}

/** How a scoped run narrowed the gate (`--since`, `--staged`, `--baseline`, `--shard`). */
export interface GateNote {
  /** The ref given to `--since`, when the run gated only what changed since its merge base. */
  readonly since?: string;
  /** Whether only staged files and their importers were gated. */
  readonly staged?: boolean;
  /** Findings the baseline knew and tolerated. */
  readonly tolerated?: number;
  /** Baseline entries that no longer occur (fixed). */
  readonly fixed?: number;
  /** The shard this report covers, `i/n`. */
  readonly shard?: string;
  /** With `shard`: the checked repository's package name, or its folder's name. */
  readonly repository?: string;
  /** With `shard`: the commit checked out, when the repository is in git. */
  readonly commit?: string;
}

/** The JSON report. */
export interface Report {
  /** The format's version ({@link REPORT_VERSION}); tools should check its major part. */
  readonly version: string;
  /** The quality-gate that wrote it. */
  readonly tool?: { readonly name: "quality-gate"; readonly version: string };
  /** The target rung. */
  readonly target: number;
  /**
   * The highest rung such that it and every rung below it passed; -1 when rung 0 failed. In a run
   * of some rungs ({@link Report.only}), counted over those rungs alone.
   */
  readonly reached: number;
  /** The rungs an `--only` run was asked for, in ladder order; absent for a climb. */
  readonly only?: readonly number[];
  /** Whether the target was met and every measured category holds its threshold. */
  readonly passed: boolean;
  /** Every rung, in ladder order, with the tool it ran. */
  readonly rungs: readonly {
    readonly id: number;
    readonly name: string;
    readonly status: string;
    readonly durationMs: number;
    readonly startedAtMs: number;
    readonly tool?: ToolUsed;
  }[];
  /** The category scores. */
  readonly scores: Scores;
  /** The minimum each measured score had to reach for {@link Report.passed}. */
  readonly thresholds?: ScoreThresholds;
  /** Every finding, in ladder order. */
  readonly findings: readonly Finding[];
  /** One entry per exported symbol, when rungs 4 or 7 ran. */
  readonly symbols: readonly ScoredSymbol[];
  /** `@internal` symbols, excluded from scoring. */
  readonly internal: readonly InternalSymbol[];
  /** How the run was scoped; absent for a run that gated everything. */
  readonly gate?: GateNote;
}

/**
 * Builds the report of a climb.
 *
 * @param result - the ladder's results
 * @param config - thresholds and weights
 * @param target - the target rung
 * @param only - the `--only` rungs, if any
 * @returns the report
 * @example
 * ```ts
 * const report = buildReport(await runLadder(options), config, 7, undefined);
 * ```
 */
export function buildReport(
  result: LadderResult,
  config: QualityGateConfig,
  target: number,
  only: readonly number[] | undefined,
): Report {
  const statuses = result.rungs.map((rung) => rung.status);
  const scored = result.workspace === undefined ? undefined : scoreCollected(result.workspace);
  const scores = computeScores(result, config, scored);
  return {
    version: REPORT_VERSION,
    tool: { name: "quality-gate", version: toolVersion() },
    target,
    reached: reachedRung(statuses, only),
    ...(only === undefined ? {} : { only: [...only].sort((a, b) => a - b) }),
    passed: targetMet(statuses, target, only) && thresholdsHold(scores, config),
    rungs: result.rungs.map(({ id, name, status, durationMs, startedAtMs, tool }) => ({
      id,
      name,
      status,
      durationMs,
      startedAtMs,
      ...(tool === undefined ? {} : { tool }),
    })),
    scores,
    thresholds: scoreThresholds(config),
    findings: result.rungs.flatMap((rung) => rung.findings).sort(compareFindings),
    symbols: scored?.symbols ?? [],
    internal: scored?.internal ?? [],
  };
}

function computeScores(
  result: LadderResult,
  config: QualityGateConfig,
  scored: ReturnType<typeof scoreCollected> | undefined,
): Scores {
  const ran = (measure: string): boolean =>
    rungIdsWhere((traits) => traits.measures === measure).some((id) => hasRun(result, id));
  // Line coverage, from the rung that measures tests, when it measured it.
  const coverage = rungIdsWhere((traits) => traits.measures === "tests")
    .map((id) => result.rungs[id]?.metrics?.coverageLines)
    .find((lines) => lines !== undefined);
  const partial = {
    documentation: ran("documentation") && scored !== undefined ? scored.documentation : null,
    types: ran("types") && scored !== undefined ? scored.types : null,
    // Tests that ran without coverage (a runner that reports none) measured nothing: null, not 0.
    tests: coverage === undefined ? null : coverage / 100,
    lint: lintScore(result),
  };
  return { ...partial, overall: weightedMean(partial, config.weights) };
}

function hasRun(result: LadderResult, id: number): boolean {
  const status = result.rungs[id]?.status ?? "not-run";
  return status === "passed" || status === "failed";
}

/** 1 when every format and lint rung that ran passed, 0 when one failed, null when none ran. */
function lintScore(result: LadderResult): number | null {
  const ran = rungIdsWhere((traits) => traits.measures === "lint").filter((id) =>
    hasRun(result, id),
  );
  if (ran.length === 0) return null;
  return ran.every((id) => result.rungs[id]?.status === "passed") ? 1 : 0;
}

/**
 * The order of findings in a report: by rung, file, line and column (the sort is stable, so
 * findings at one place keep the order their tool gave), so a report does not depend on the
 * order files were checked in and sharded reports merge into the same list.
 *
 * @param a - one finding
 * @param b - another
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same place
 * @example
 * ```ts
 * findings.sort(compareFindings);
 * ```
 */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.rung !== b.rung) return a.rung - b.rung;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/**
 * The overall score: the weighted mean of the categories measured.
 *
 * @param scores - the category scores, `null` where not measured
 * @param weights - the configuration's weights
 * @returns the mean, or `null` when no category was measured
 * @example
 * ```ts
 * weightedMean({ documentation: 1, types: 0.5, tests: null, lint: null }, config.weights);
 * ```
 */
export function weightedMean(
  scores: Omit<Scores, "overall">,
  weights: QualityGateConfig["weights"],
): number | null {
  let total = 0;
  let weight = 0;
  for (const key of ["documentation", "types", "tests", "lint"] as const) {
    const score = scores[key];
    if (score === null) continue;
    total += score * weights[key];
    weight += weights[key];
  }
  return weight === 0 ? null : total / weight;
}

/**
 * Whether every measured category holds its threshold.
 *
 * @param scores - the category scores, `null` where not measured
 * @param config - the thresholds (for tests: the line coverage minimum)
 * @returns `true` when no measured score is below its threshold
 * @example
 * ```ts
 * thresholdsHold(report.scores, config);
 * ```
 */
export function thresholdsHold(scores: Scores, config: QualityGateConfig): boolean {
  const thresholds = scoreThresholds(config);
  return (["documentation", "types", "tests", "lint", "overall"] as const).every((key) => {
    const score = scores[key];
    return score === null || score >= thresholds[key];
  });
}
