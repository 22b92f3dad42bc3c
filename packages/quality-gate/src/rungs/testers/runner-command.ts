/**
 * A test runner the gate reads no report of (node:test, node-tap, ava, mocha): its command from
 * the repository's test script, run as the script runs it, its pass and fail counts read from
 * what it prints, its exit code the rest of the verdict. Coverage is the runner's own business.
 */
import type { RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { readTestCounts } from "../../tools/test-summary.js";
import type { ToolUsed } from "../../ladder/finding.js";
import { firstErrorLine } from "../tool-command.js";
import { runShellCommand } from "./run-steps.js";
import { testVerdict } from "./test-verdict.js";

/**
 * Runs a runner's command from the test script.
 *
 * @param context - the rung's context
 * @param command - the runner's command, as the script has it
 * @param tool - the runner, as the report names it
 * @returns the rung's outcome
 * @example
 * ```ts
 * await runRunnerCommand(context, { script: "test", program: "node", args: ["--test"] }, tool);
 * ```
 */
export async function runRunnerCommand(
  context: RungContext,
  command: ScriptCommand,
  tool: ToolUsed,
): Promise<RungOutcome> {
  const run = await runShellCommand(context, command);
  if (run.timedOut) throw new Error(`${command.program} did not finish in time`);
  const counts = readTestCounts(`${run.stdout}\n${run.stderr}`);
  return testVerdict(
    {
      tool: counts === undefined ? { ...tool, note: "its output says no test count" } : tool,
      counts,
      failures: [],
      coverage: undefined,
      exitCode: run.code,
      errorLine: firstErrorLine(run),
    },
    context.config,
  );
}
