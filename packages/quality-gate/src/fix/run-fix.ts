/**
 * `quality-gate fix` end to end, without the printing: climbs the fixable rungs as `check` would
 * (the same configuration, scoping flags and findings), plans the fixes of what they found, and,
 * unless it is a dry run, writes them.
 */
import type { QualityGateConfig } from "../config/config-schema.js";
import { planGate } from "../gate/plan-gate.js";
import type { GateFlags } from "../gate/plan-gate.js";
import type { GitRunner } from "../git/run-git.js";
import { runLadder } from "../ladder/run-ladder.js";
import type { Project } from "../project/discover-project.js";
import { buildReport } from "../report/build-report.js";
import { readRepositoryTools } from "../tools/repository-tools.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import { planFixes } from "./plan-fixes.js";
import type { FixPlan } from "./plan-fixes.js";
import { loadToolFixers } from "./tool-fixes.js";
import { writeFixes } from "./write-fixes.js";
import type { WriteResult } from "./write-fixes.js";

/** The rungs `fix` can fix: formatted, linted, typed, documented. */
export const FIXABLE_RUNGS: readonly number[] = [1, 2, 4, 7];

/** What to fix and how. */
export interface FixOptions {
  /** The repository, described. */
  readonly repository: Project;
  /** Its configuration. */
  readonly config: QualityGateConfig;
  /** The rungs to fix, some of {@link FIXABLE_RUNGS}. */
  readonly rungs: readonly number[];
  /** `--since` or `--staged`: fix only what `check` with them reports. */
  readonly scope: GateFlags;
  /** Show the plan without writing it. */
  readonly dryRun: boolean;
  /** Write files with unstaged changes too. */
  readonly force: boolean;
  /** The incremental cache's folder, or `undefined`. */
  readonly cacheDir?: string | undefined;
  /** The repository's TypeScript, for rung 0's command (not run here) and the report. */
  readonly typescript?: TypeScriptChoice | undefined;
  /** Runs git; the real one by default. */
  readonly git?: GitRunner | undefined;
}

/** What a fix did. */
export interface FixRun {
  /** The planned edits and every finding's outcome. */
  readonly plan: FixPlan;
  /** What was written, unless it was a dry run. */
  readonly written?: WriteResult;
}

/**
 * Runs the fix.
 *
 * @param options - the repository, rungs, scope and mode
 * @returns the plan and, unless a dry run, what was written
 * @throws QualityGateError for setup problems (as `check` does); GitError when `--since` or
 *   `--staged` cannot be answered, or outside git without `force`
 * @example
 * ```ts
 * const { plan } = await runFix({ repository, config, rungs: [4, 7], scope: {}, dryRun: true, force: false });
 * ```
 */
export async function runFix(options: FixOptions): Promise<FixRun> {
  const { repository, config, rungs } = options;
  const { root } = repository;
  const gate = await planGate(repository, options.scope, config, options.git);
  const result = await runLadder({
    root,
    config,
    rungs: gate.rungs?.(rungs) ?? rungs,
    bail: false,
    onlyFiles: gate.onlyFiles,
    cacheDir: options.cacheDir,
    project: repository,
    programs: gate.programs,
    typescript: options.typescript,
  });
  const report = gate.finish(
    buildReport(result, config, Math.max(...rungs), rungs),
    result,
    rungs,
  );
  const plan = await planFixes({
    repository,
    config,
    rungs,
    findings: report.findings.filter((finding) => rungs.includes(finding.rung)),
    tools: () => loadToolFixers(root, readRepositoryTools(repository)),
  });
  if (options.dryRun) return { plan };
  const written = await writeFixes(root, plan.edits, { force: options.force, git: options.git });
  return { plan, written };
}
