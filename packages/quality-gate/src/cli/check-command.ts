/** `quality-gate check [dir]`: climb the ladder and report. */
import { relative, resolve } from "node:path";
import { resultCacheDir } from "../cache/result-cache-dir.js";
import type { QualityGateConfig } from "../config/config-schema.js";
import { loadConfig } from "../config/load-config.js";
import { openBaseline } from "../gate/baseline-gate.js";
import type { BaselineEvent, BaselineFlags } from "../gate/baseline-gate.js";
import { planGate } from "../gate/plan-gate.js";
import type { GateFlags } from "../gate/plan-gate.js";
import { assertDirectory, assertProject, runLadder } from "../ladder/run-ladder.js";
import { discoverProject } from "../project/discover-project.js";
import type { Project } from "../project/discover-project.js";
import { buildReport } from "../report/build-report.js";
import type { Report } from "../report/build-report.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";
import { createProgress } from "./progress.js";
import { selectRungs } from "./parse-rungs.js";
import { planOutputs, prepareOutputs, writeOutputs } from "./report-outputs.js";

/** The flags of `check`, as commander hands them over. */
export interface CheckFlags extends GateFlags, BaselineFlags {
  readonly target?: string;
  readonly stage?: string;
  readonly only?: string;
  readonly format?: string;
  readonly output?: string;
  readonly outputDir?: string;
  readonly config?: string;
  readonly bail?: boolean;
  /** `false` with `--no-cache`. */
  readonly cache?: boolean;
  /** `--fix`: fix what the fixable rungs report before checking. */
  readonly fix?: boolean;
}

/**
 * Runs `check`.
 *
 * @param dir - the repository, relative to the working directory
 * @param flags - the command's flags
 * @param io - working directory, environment and streams
 * @param typescript - the TypeScript chosen for the repository (`prepareCompiler`)
 * @returns the exit code: 0 when the target is reached and thresholds hold, 1 when not
 * @throws QualityGateError for usage and setup problems, GitError when `--since` cannot be
 *   answered (the caller prints them and exits 2)
 * @example
 * ```ts
 * const code = await checkCommand(".", { target: "3" }, io);
 * ```
 */
export async function checkCommand(
  dir: string,
  flags: CheckFlags,
  io: CliIo,
  typescript?: TypeScriptChoice,
): Promise<number> {
  const selection = selectRungs(flags);
  const outputs = planOutputs(flags, io);
  prepareOutputs(outputs);
  const root = resolve(io.cwd, dir);
  const config = await configAndFix(root, flags, io, { rungs: selection.rungs, typescript });
  const baseline = openBaseline(
    flags.baseline === undefined ? undefined : resolve(io.cwd, flags.baseline),
    flags,
    partialRun(flags),
  );
  const project = describeRepository(root, config.entryPoints);
  const gate = await planGate(project, flags, config);
  const progress = createProgress(io);
  const result = await runLadder({
    root,
    config,
    rungs: gate.rungs?.(selection.rungs) ?? selection.rungs,
    bail: flags.bail === true,
    onlyFiles: gate.onlyFiles,
    cacheDir: flags.cache === false ? undefined : resultCacheDir(root, io.env),
    project,
    programs: gate.programs,
    typescript,
    onProgress: progress.onProgress,
  }).finally(progress.close);
  const full = buildReport(result, config, selection.target, selection.only);
  const scoped = gate.finish(full, result, selection.only);
  const report = judgeByBaseline(scoped, baseline, selection.only, io);
  writeOutputs(report, outputs, io);
  return report.passed ? 0 : 1;
}

/** The configuration; with `--fix`, once the fix step (loaded only then: it loads ts-morph) ran. */
async function configAndFix(
  root: string,
  flags: CheckFlags,
  io: CliIo,
  run: { readonly rungs: readonly number[]; readonly typescript: TypeScriptChoice | undefined },
): Promise<QualityGateConfig> {
  const { config } = await loadConfig(root, flags.config, io.cwd);
  if (flags.fix === true) {
    const { fixBeforeCheck } = await import("./fix-command.js");
    await fixBeforeCheck(root, config, run.rungs, { flags, io, typescript: run.typescript });
  }
  return config;
}

/** The report as the baseline judges it (when there is one), its events said on stderr. */
function judgeByBaseline(
  report: Report,
  baseline: ReturnType<typeof openBaseline>,
  only: readonly number[] | undefined,
  io: CliIo,
): Report {
  const judged = baseline?.finish(report, only) ?? { report, events: [] };
  for (const event of judged.events) io.stderr.write(`${describe(event, io.cwd)}\n`);
  return judged.report;
}

/** The repository, or a setup error when it is not one the ladder can climb. */
function describeRepository(root: string, entryPoints: readonly string[] | undefined): Project {
  assertDirectory(root);
  const project = discoverProject(root, entryPoints);
  assertProject(project);
  return project;
}

/** Which flag makes a run see only part of the findings, if any. */
function partialRun(flags: CheckFlags): string | undefined {
  if (flags.since !== undefined) return "--since";
  if (flags.shard !== undefined) return "--shard";
  return flags.staged === true ? "--staged" : undefined;
}

function describe(event: BaselineEvent, cwd: string): string {
  const path = relative(cwd, event.path);
  if (event.kind === "not-created") return messages.baselineNotCreated(path, event.partial);
  return event.kind === "created"
    ? messages.baselineCreated(path, event.after)
    : messages.baselineUpdated(path, event.before, event.after);
}
