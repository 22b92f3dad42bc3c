/**
 * Rung 2, linted: the repository's own linter passes (oxlint, Biome, xo or ESLint: every one its
 * scripts run, else the one it configures), at its own version, with its own config, options and
 * scope; the `lint` script when it has a linter the gate does not know; the gate's own strict
 * ESLint defaults only where it has no linter at all.
 */
import type { Finding, RungOutcome, ToolUsed } from "../ladder/finding.js";
import type { Rung, RungContext } from "../ladder/rung.js";
import { biomeLinter } from "./linters/biome.js";
import { runBundledEslint } from "./linters/bundled-eslint.js";
import { eslintLinter } from "./linters/eslint.js";
import { lintScript } from "./linters/lint-script.js";
import { oxlintLinter } from "./linters/oxlint.js";
import { xoLinter } from "./linters/xo.js";
import type { ToolAdapter, ToolPlan } from "./tool-adapter.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 2's linters, in order of preference when a repository configures several. */
export const LINTERS: readonly ToolAdapter[] = [
  oxlintLinter,
  biomeLinter,
  xoLinter,
  eslintLinter,
];

/** Rung 2. */
export const linted: Rung = {
  id: 2,
  name: "linted",
  traits: {
    readsSurface: false,
    measures: "lint",
    wholeInOneShard: false,
    sinceScope: "changes",
  },
  async run(context) {
    const tools = context.tools();
    const planned = LINTERS.flatMap((adapter) => {
      const plan = adapter.plan(tools);
      return plan === undefined ? [] : [{ adapter, plan }];
    });
    // A repository that lints with two tools (oxlint, then ESLint) passes when both do.
    const scripted = planned.filter((choice) => choice.plan.scripted);
    const chosen = scripted.length > 0 ? scripted : planned.slice(0, 1);
    if (chosen.length === 0) {
      const script = lintScript.plan(tools);
      if (script !== undefined) return runOne(context, lintScript, script);
      return runOne(context, undefined, undefined);
    }
    return combine(
      await Promise.all(chosen.map(({ adapter, plan }) => runOne(context, adapter, plan))),
    );
  },
};

async function runOne(
  context: RungContext,
  adapter: ToolAdapter | undefined,
  plan: ToolPlan | undefined,
): Promise<RungOutcome> {
  try {
    return adapter === undefined || plan === undefined
      ? await runBundledEslint(context)
      : await adapter.run(context, plan);
  } catch (error) {
    const failure = toolFailure(2, adapter?.name ?? "eslint", error);
    return plan === undefined ? failure : { ...failure, tool: plan.tool };
  }
}

/** Several linters' outcomes as one: failed when one failed; the first tool named, the others in its note. */
function combine(outcomes: readonly RungOutcome[]): RungOutcome {
  const [first] = outcomes;
  if (first === undefined || outcomes.length === 1)
    return first ?? { status: "passed", findings: [] };
  const findings: Finding[] = outcomes.flatMap((outcome) => outcome.findings);
  const tools = outcomes
    .map((outcome) => outcome.tool)
    .filter((tool): tool is ToolUsed => tool !== undefined);
  const [lead, ...rest] = tools;
  const also = rest.map((tool) => `${tool.name} ${tool.version ?? ""}`.trim()).join(", ");
  return {
    status: outcomes.some((outcome) => outcome.status === "failed") ? "failed" : "passed",
    findings,
    ...(lead !== undefined && { tool: { ...lead, note: `also ran ${also}` } }),
  };
}
