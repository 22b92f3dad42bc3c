/**
 * Runs what a repository's test script runs before its tests (`pretest`, builds), each step in
 * turn as the script would: a script through the package manager, a command through the shell,
 * with the repository's installed binaries first on PATH (as npm puts them there).
 */
import { delimiter, dirname, join } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { runCommand } from "../../tools/run-command.js";
import type { CommandResult } from "../../tools/run-command.js";
import { runScript } from "../../tools/run-script.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import type { TestStep } from "../../tools/test-plan.js";
import { firstErrorLine } from "../tool-command.js";

/** How long the tests (and their builds) may take before they count as a failure to run. */
export const TEST_TIMEOUT_MS: number = 30 * 60_000;

/**
 * The environment a script's command sees: the repository's `node_modules/.bin` folders (its own,
 * then its parents') first on PATH, `CI=true`, colours off.
 *
 * @param root - the repository root
 * @returns the environment
 * @example
 * ```ts
 * scriptEnvironment("/repo").PATH; // "/repo/node_modules/.bin:/node_modules/.bin:/usr/bin:…"
 * ```
 */
export function scriptEnvironment(root: string): Record<string, string | undefined> {
  const bins: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    bins.push(join(dir, "node_modules", ".bin"));
    if (dirname(dir) === dir) break;
  }
  return {
    ...process.env,
    PATH: [...bins, process.env.PATH ?? ""].join(delimiter),
    CI: "true",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
  };
}

/**
 * Runs one command of a script through the shell, as the script would.
 *
 * @param context - the rung's context
 * @param command - the command, as the script has it (its `shell` text is run)
 * @returns how it ended
 * @example
 * ```ts
 * const [build] = scriptCommands("test", "tsc -b packages/*");
 * if (build !== undefined) await runShellCommand(context, build);
 * ```
 */
export function runShellCommand(
  context: RungContext,
  command: ScriptCommand,
): Promise<CommandResult> {
  return runCommand("sh", ["-c", command.shell], {
    cwd: context.root,
    env: scriptEnvironment(context.root),
    timeoutMs: TEST_TIMEOUT_MS,
    signal: context.signal,
  });
}

/**
 * Runs the steps before the tests.
 *
 * @param context - the rung's context
 * @param steps - from the test plan
 * @returns `undefined` when every step passed, else the finding of the step that failed
 * @example
 * ```ts
 * const failed = await runSteps(context, plan.prelude);
 * if (failed !== undefined) return { status: "failed", findings: [failed] };
 * ```
 */
export async function runSteps(
  context: RungContext,
  steps: readonly TestStep[],
): Promise<Finding | undefined> {
  for (const step of steps) {
    const run =
      step.kind === "script"
        ? await runScript(context.root, step.name, {
            env: scriptEnvironment(context.root),
            timeoutMs: TEST_TIMEOUT_MS,
            signal: context.signal,
          })
        : await runShellCommand(context, step.command);
    if (run.code === 0) continue;
    const what = step.kind === "script" ? `the ${step.name} script` : `\`${step.command.shell}\``;
    return {
      ruleId: "tests/setup-failed",
      rung: 3,
      file: "package.json",
      line: 1,
      column: 1,
      symbol: null,
      message: `${what}, which the test script runs before its tests, failed: ${run.timedOut ? "it did not finish in time" : firstErrorLine(run)}. Fix it, then run the gate again.`,
    };
  }
  return undefined;
}
