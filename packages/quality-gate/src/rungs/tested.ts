/**
 * Rung 3, tested: the repository's tests pass, at least one ran, and coverage (where measured)
 * meets the configured minimums, run the way the repository runs them. Its `test` script is read
 * step by step (see `test-plan.ts`): the builds it needs run first; Vitest and Jest run by their
 * own commands with reports the gate reads (every failed test where it is, and coverage when a
 * provider is installed); node:test, node-tap, ava and mocha run as the script runs them, counted
 * from their output; a script the gate cannot take apart (`pnpm -r test`) runs whole. A repository
 * with no test script but Vitest or Jest installed runs that; one with neither gets the gate's
 * own Vitest.
 */
import type { RungOutcome, ToolUsed } from "../ladder/finding.js";
import type { Rung, RungContext } from "../ladder/rung.js";
import type { InstalledPackage } from "../tools/installed-package.js";
import type { RepositoryTools } from "../tools/repository-tools.js";
import { planTests } from "../tools/test-plan.js";
import type { TestPlan } from "../tools/test-plan.js";
import { runBundledVitest } from "./testers/bundled-vitest.js";
import { runJest } from "./testers/jest.js";
import { runRunnerCommand } from "./testers/runner-command.js";
import { runSteps } from "./testers/run-steps.js";
import { runTestScript } from "./testers/test-script.js";
import { runVitest } from "./testers/vitest.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 3. */
export const tested: Rung = {
  id: 3,
  name: "tested",
  traits: { readsSurface: false, measures: "tests", wholeInOneShard: true, sinceScope: "all" },
  offloads: true,
  async run(context) {
    try {
      return await runTests(context);
    } catch (error) {
      return toolFailure(3, "tests", error);
    }
  },
};

async function runTests(context: RungContext): Promise<RungOutcome> {
  const tools = context.tools();
  const plan = planTests(tools);
  if (plan === undefined) return runWithoutScript(context, tools);
  if (plan.runner === undefined) return runTestScript(context);
  const failedStep = await runSteps(context, plan.prelude);
  if (failedStep !== undefined) return { status: "failed", findings: [failedStep] };
  const { name, command } = plan.runner;
  const installed = name === "vitest" || name === "jest" ? tools.installed(name) : undefined;
  const tool = runnerTool(name, installed, plan);
  if (name === "vitest" && installed !== undefined) {
    return runVitest(context, {
      tool,
      installed,
      args: command.args,
      coverage: hasProvider(tools),
    });
  }
  if (name === "jest" && installed !== undefined) {
    return runJest(context, { tool, installed, args: command.args, coverage: true });
  }
  return runRunnerCommand(context, command, tool);
}

/** No test script: the runner the repository installs, else the gate's own Vitest. */
function runWithoutScript(context: RungContext, tools: RepositoryTools): Promise<RungOutcome> {
  const vitest = tools.declares("vitest") ? tools.installed("vitest") : undefined;
  if (vitest !== undefined) {
    const tool: ToolUsed = { name: "vitest", version: vitest.version, source: "repository" };
    return runVitest(context, {
      tool,
      installed: vitest,
      args: [],
      coverage: hasProvider(tools),
    });
  }
  const jest = tools.declares("jest") ? tools.installed("jest") : undefined;
  if (jest !== undefined) {
    const tool: ToolUsed = { name: "jest", version: jest.version, source: "repository" };
    return runJest(context, { tool, installed: jest, args: [], coverage: true });
  }
  return runBundledVitest(context);
}

function runnerTool(
  name: string,
  installed: InstalledPackage | undefined,
  plan: TestPlan,
): ToolUsed {
  const skipped =
    plan.skipped.length === 0
      ? undefined
      : `the test script also runs ${plan.skipped.join(", ")}, left to the other rungs`;
  return {
    name,
    ...(installed && { version: installed.version }),
    source: "repository",
    ...(skipped !== undefined && { note: skipped }),
  };
}

/** Whether the repository has a Vitest coverage provider installed. */
function hasProvider(tools: RepositoryTools): boolean {
  return ["@vitest/coverage-v8", "@vitest/coverage-istanbul"].some(
    (name) => tools.installed(name) !== undefined,
  );
}
