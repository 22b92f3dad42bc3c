/**
 * Rung 3's verdict on a test run, whichever runner ran it: every test passed, at least one ran
 * (when the runner says how many), the runner exited cleanly, and coverage (where measured) meets
 * the configured minimums. Pure: it judges what the adapters read.
 */
import type { QualityGateConfig } from "../../config/config-schema.js";
import type { Finding, RungOutcome, ToolUsed } from "../../ladder/finding.js";
import type { Coverage } from "../../tools/coverage-summary.js";

/** What a test run produced, as an adapter read it. */
export interface TestOutcome {
  /** The runner, as the report names it. */
  readonly tool: ToolUsed;
  /** Tests that passed and failed, or `undefined` when the runner's output does not say. */
  readonly counts: { readonly passed: number; readonly failed: number } | undefined;
  /** One finding per failed test (or file that did not run), where the runner says. */
  readonly failures: readonly Finding[];
  /** Line and branch coverage, when it was measured. */
  readonly coverage: Coverage | undefined;
  /** The runner's exit code (`undefined` when a signal stopped it). */
  readonly exitCode: number | undefined;
  /** The runner's own first line about what went wrong, for an exit the failures do not explain. */
  readonly errorLine: string;
}

/**
 * Judges a test run.
 *
 * @param run - what the run produced
 * @param config - the coverage minimums (`rungs.tested.coverage`)
 * @returns the rung's outcome, with the coverage as its metrics
 * @example
 * ```ts
 * testVerdict({ tool, counts: { passed: 3, failed: 0 }, failures: [], coverage: undefined, exitCode: 0, errorLine: "" }, config).status; // "passed"
 * ```
 */
export function testVerdict(run: TestOutcome, config: QualityGateConfig): RungOutcome {
  const findings: Finding[] = [
    ...run.failures,
    ...countFindings(run),
    ...coverageFindings(run.coverage, config),
  ];
  const metrics =
    run.coverage === undefined
      ? undefined
      : { coverageLines: run.coverage.lines, coverageBranches: run.coverage.branches };
  return {
    status: findings.length === 0 ? "passed" : "failed",
    findings,
    tool: run.tool,
    ...(metrics && { metrics }),
  };
}

const PLACE = { rung: 3, file: ".", line: 1, column: 1, symbol: null } as const;

/** No test ran; the runner failed without a failed test to show; tests failed it did not place. */
function countFindings(run: TestOutcome): Finding[] {
  const failed = run.counts?.failed ?? 0;
  const message = countProblem(run, failed);
  if (message === undefined) return [];
  const ruleId = message.startsWith("No test ran") ? "tests/no-tests" : "tests/failed";
  return [{ ...PLACE, ruleId, message }];
}

function countProblem(run: TestOutcome, failed: number): string | undefined {
  if (run.counts !== undefined && run.counts.passed + failed === 0) {
    return `No test ran (${run.tool.name} found none). Add at least one test the runner finds.`;
  }
  const unexplained = run.failures.length === 0;
  if (run.exitCode !== 0 && unexplained && failed === 0) {
    const how =
      run.exitCode === undefined ? "was stopped" : `exited with code ${String(run.exitCode)}`;
    return `${run.tool.name} ${how}: ${run.errorLine}. Fix what it reports, then run the gate again.`;
  }
  return failed > 0 && unexplained
    ? `${String(failed)} test(s) failed (${run.tool.name}'s output says which). Fix the code or the tests.`
    : undefined;
}

function coverageFindings(coverage: Coverage | undefined, config: QualityGateConfig): Finding[] {
  if (coverage === undefined) return [];
  const wanted = config.rungs.tested.coverage;
  return (["lines", "branches"] as const)
    .filter((kind) => coverage[kind] < wanted[kind])
    .map((kind) => ({
      ruleId: `tests/coverage-${kind}`,
      rung: 3,
      file: ".",
      line: 1,
      column: 1,
      symbol: null,
      message: `Coverage of ${kind} is ${String(coverage[kind])}%, under the ${String(wanted[kind])}% threshold. Test the uncovered ${kind}.`,
    }));
}
