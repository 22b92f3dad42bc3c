/**
 * Jest, the repository's own, by its own command with the arguments of the repository's test
 * script, made to write its JSON report (with test locations) and an Istanbul coverage summary to
 * a temporary folder, never watching.
 */
import { join } from "node:path";
import type { RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { runReportingRunner } from "./reporting-runner.js";
import type { TestRunInput } from "./test-run-input.js";

/** Options the gate sets itself. */
const REPLACED = [
  "--json",
  "--outputFile",
  "--coverageReporters",
  "--coverageDirectory",
  "--watch",
  "--watchAll",
];

/**
 * Runs the repository's Jest.
 *
 * @param context - the rung's context
 * @param input - the installed Jest and the script's arguments
 * @returns the rung's outcome
 * @example
 * ```ts
 * await runJest(context, { tool, installed, args: [], coverage: true });
 * ```
 */
export function runJest(context: RungContext, input: TestRunInput): Promise<RungOutcome> {
  const args = input.args.filter(
    (arg) => !REPLACED.some((option) => arg === option || arg.startsWith(`${option}=`)),
  );
  return runReportingRunner(context, input, {
    prefix: "jest",
    args: (report, coverage) => [
      input.installed.bin.jest ?? join(input.installed.dir, "bin", "jest.js"),
      ...args,
      "--ci",
      "--watchAll=false",
      "--json",
      "--testLocationInResults",
      `--outputFile=${report}`,
      ...(input.coverage
        ? ["--coverage", "--coverageReporters=json-summary", `--coverageDirectory=${coverage}`]
        : []),
    ],
  });
}
