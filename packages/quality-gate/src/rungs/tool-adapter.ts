/**
 * A tool adapter: one file per tool a rung can run (Prettier, Biome, oxfmt for rung 1; ESLint,
 * oxlint, Biome, xo for rung 2; Vitest, Jest, a test script for rung 3), each saying from the
 * repository's own files whether the repository uses its tool and how (`plan`), and running it
 * (`run`). A rung picks the adapter of the tool the repository uses (see {@link chooseAdapter});
 * the gate's bundled default runs only where it uses none of them.
 */
import type { RungOutcome, ToolUsed } from "../ladder/finding.js";
import type { RungContext } from "../ladder/rung.js";
import type { InstalledPackage } from "../tools/installed-package.js";
import type { RepositoryTools } from "../tools/repository-tools.js";

/** How an adapter runs its tool on this repository. */
export interface ToolPlan {
  /** The tool as the report names it. */
  readonly tool: ToolUsed;
  /** The repository's installation of it, or `undefined` for the gate's bundled copy. */
  readonly installed: InstalledPackage | undefined;
  /** What it checks, relative to the root: the repository's own scope (its scripts'), else `.`. */
  readonly paths: readonly string[];
  /** Options from the repository's own command to keep (`--max-warnings 0`, `--ext .ts`). */
  readonly args: readonly string[];
  /** Whether a script of the repository runs the tool (so it is the one the repository uses). */
  readonly scripted: boolean;
  /** Environment variables the tool's command needs (`ESLINT_USE_FLAT_CONFIG`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Why the gate must not run it (a script that writes files), when it must not. */
  readonly refused?: string;
}

/** One tool a rung can run. */
export interface ToolAdapter {
  /** The tool's name: `prettier`, `biome`, `eslint`, … */
  readonly name: string;
  /**
   * How this repository uses the tool.
   *
   * @param tools - what the repository declares
   * @returns the plan, or `undefined` when the repository does not use the tool
   */
  readonly plan: (tools: RepositoryTools) => ToolPlan | undefined;
  /**
   * Runs the tool.
   *
   * @param context - the rung's context
   * @param plan - from {@link ToolAdapter.plan}
   * @returns the rung's outcome, the tool named in it
   */
  readonly run: (context: RungContext, plan: ToolPlan) => Promise<RungOutcome>;
}

/**
 * Picks the tool a repository uses: of the adapters whose tool it uses, one its scripts run,
 * else the first in the rung's order.
 *
 * @param adapters - the rung's adapters, in order of preference
 * @param tools - what the repository declares
 * @returns the adapter and its plan, or `undefined` when the repository uses none of the tools
 * @example
 * ```ts
 * chooseAdapter([oxfmt, biomeFormat, prettier], tools)?.adapter.name; // "prettier"
 * ```
 */
export function chooseAdapter(
  adapters: readonly ToolAdapter[],
  tools: RepositoryTools,
): { readonly adapter: ToolAdapter; readonly plan: ToolPlan } | undefined {
  const planned = adapters.flatMap((adapter) => {
    const plan = adapter.plan(tools);
    return plan === undefined ? [] : [{ adapter, plan }];
  });
  return planned.find((choice) => choice.plan.scripted) ?? planned[0];
}

/**
 * The tool's report entry for a repository's installation, or for the gate's own copy.
 *
 * @param name - the tool's name
 * @param installed - the repository's installation, if any
 * @param bundledVersion - the gate's own version of the tool
 * @returns the report's tool entry
 * @example
 * ```ts
 * toolUsed("prettier", tools.installed("prettier"), "3.10.1");
 * ```
 */
export function toolUsed(
  name: string,
  installed: InstalledPackage | undefined,
  bundledVersion: string,
): ToolUsed {
  return installed === undefined
    ? { name, version: bundledVersion, source: "bundled" }
    : { name, version: installed.version, source: "repository" };
}
