/**
 * Runs a test runner that writes a Jest-format JSON report (Jest itself, Vitest), and judges the
 * run from that report and the coverage summary beside it, both in a temporary folder removed
 * afterwards (and on an interrupt).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeTempDir, removeTempDir } from "../../fs/temp-dirs.js";
import type { RungOutcome, ToolUsed } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { readCoverage } from "../../tools/coverage-summary.js";
import { readJestJson } from "../../tools/jest-json.js";
import { runCommand } from "../../tools/run-command.js";
import { firstErrorLine } from "../tool-command.js";
import { scriptEnvironment, TEST_TIMEOUT_MS } from "./run-steps.js";
import { testVerdict } from "./test-verdict.js";
import type { TestRunInput } from "./test-run-input.js";

/** How to run one such runner. */
export interface ReportingRunner {
  /** The rules' prefix (`vitest`, `jest`). */
  readonly prefix: string;
  /**
   * The arguments to run it with Node.
   *
   * @param report - where it must write its JSON report
   * @param coverage - the folder for its coverage summary
   * @returns the script and its arguments
   */
  readonly args: (report: string, coverage: string) => string[];
}

/**
 * Runs the runner and judges the run.
 *
 * @param context - the rung's context
 * @param input - the runner and whether to measure coverage
 * @param runner - how to run it
 * @returns the rung's outcome
 * @throws Error with the runner's own first error line when it wrote no report
 * @example
 * ```ts
 * await runReportingRunner(context, input, { prefix: "jest", args: (report) => [bin, `--outputFile=${report}`] });
 * ```
 */
export async function runReportingRunner(
  context: RungContext,
  input: TestRunInput,
  runner: ReportingRunner,
): Promise<RungOutcome> {
  const reports = makeTempDir(tmpdir(), "quality-gate-coverage-");
  try {
    const report = join(reports, `${runner.prefix}.json`);
    const coverage = join(reports, "coverage");
    const run = await runCommand(process.execPath, runner.args(report, coverage), {
      cwd: context.root,
      env: scriptEnvironment(context.root),
      timeoutMs: TEST_TIMEOUT_MS,
      signal: context.signal,
    });
    const read = readJestJson(report, context.root, runner.prefix);
    if (read === undefined) throw new Error(firstErrorLine(run));
    const failed = read.failures.filter((finding) =>
      finding.ruleId.endsWith("/failed-test"),
    ).length;
    return testVerdict(
      {
        tool: withCoverageNote(input.tool, input.coverage),
        counts: { passed: read.passed, failed },
        failures: read.failures,
        coverage: readCoverage(coverage),
        exitCode: run.code,
        errorLine: firstErrorLine(run),
      },
      context.config,
    );
  } finally {
    removeTempDir(reports);
  }
}

function withCoverageNote(tool: ToolUsed, coverage: boolean): ToolUsed {
  if (coverage) return tool;
  const note = "no coverage provider is installed, so coverage was not measured";
  return { ...tool, note: tool.note === undefined ? note : `${tool.note}; ${note}` };
}
