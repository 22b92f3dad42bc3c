/**
 * The repository's `test` script, run whole through its package manager, for a script the gate
 * cannot take apart (`pnpm -r test` runs every package's tests): its exit code is the verdict,
 * and the pass and fail counts come from the runners' summaries in its output.
 */
import type { RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { runScript } from "../../tools/run-script.js";
import { readTestCounts } from "../../tools/test-summary.js";
import { firstErrorLine } from "../tool-command.js";
import { scriptEnvironment, TEST_TIMEOUT_MS } from "./run-steps.js";
import { testVerdict } from "./test-verdict.js";

/**
 * Runs the test script.
 *
 * @param context - the rung's context
 * @returns the rung's outcome
 * @example
 * ```ts
 * await runTestScript(context);
 * ```
 */
export async function runTestScript(context: RungContext): Promise<RungOutcome> {
  const run = await runScript(context.root, "test", {
    env: scriptEnvironment(context.root),
    timeoutMs: TEST_TIMEOUT_MS,
    signal: context.signal,
  });
  if (run.timedOut)
    throw new Error(
      `${run.command} did not finish in ${String(TEST_TIMEOUT_MS / 60_000)} minutes`,
    );
  const counts = readTestCounts(`${run.stdout}\n${run.stderr}`);
  const note =
    counts === undefined
      ? "its output says no test count"
      : `counted from ${counts.runner}'s summaries`;
  return testVerdict(
    {
      tool: { name: run.command, source: "script", note },
      counts,
      failures: [],
      coverage: undefined,
      exitCode: run.code,
      errorLine: firstErrorLine(run),
    },
    context.config,
  );
}
