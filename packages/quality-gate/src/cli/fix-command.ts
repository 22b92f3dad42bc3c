/**
 * `quality-gate fix [dir] [--only 1,2,4,7] [--since REF | --staged] [--dry-run] [--force]`, and
 * the fix step of `check --fix`: prints the diff (`--dry-run`, on stdout, so it can be piped to
 * `git apply`) or what was written, then what was left for a person and why.
 */
import { relative, resolve, sep } from "node:path";
import { resultCacheDir } from "../cache/result-cache-dir.js";
import type { QualityGateConfig } from "../config/config-schema.js";
import { loadConfig } from "../config/load-config.js";
import { QualityGateError } from "../errors.js";
import type { FixOutcome } from "../fix/fix-outcome.js";
import { FIXABLE_RUNGS, runFix } from "../fix/run-fix.js";
import type { FixRun } from "../fix/run-fix.js";
import { unifiedDiff } from "../fix/unified-diff.js";
import type { GateFlags } from "../gate/plan-gate.js";
import { assertDirectory, assertProject } from "../ladder/run-ladder.js";
import { discoverProject } from "../project/discover-project.js";
import type { Project } from "../project/discover-project.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";

/** The flags of `fix`. */
export interface FixFlags extends GateFlags {
  /** `--only`: the rungs to fix, some of 1, 2, 4, 7. */
  readonly only?: string;
  /** `--dry-run`: print the diff, write nothing. */
  readonly dryRun?: boolean;
  /** `--force`: write files with unstaged changes too. */
  readonly force?: boolean;
  /** `--config`: the configuration file. */
  readonly config?: string;
  /** `false` with `--no-cache`. */
  readonly cache?: boolean;
}

/**
 * Runs `fix`.
 *
 * @param dir - the repository, relative to the working directory
 * @param flags - the command's flags
 * @param io - working directory, environment and streams
 * @param typescript - the TypeScript chosen for the repository (`prepareCompiler`)
 * @returns 0 when nothing is left to fix, 1 when findings remain (left for a person, drafted,
 *   or in a file that was refused)
 * @throws QualityGateError `USAGE` for `--only` naming a rung without fixes, and the setup
 *   problems of `check`
 * @example
 * ```ts
 * const code = await fixCommand(".", { only: "4,7", dryRun: true }, io);
 * ```
 */
export async function fixCommand(
  dir: string,
  flags: FixFlags,
  io: CliIo,
  typescript?: TypeScriptChoice,
): Promise<number> {
  const rungs = parseFixRungs(flags.only);
  const root = resolve(io.cwd, dir);
  const { config } = await loadConfig(root, flags.config, io.cwd);
  const run = await fixRepository({ root, config, rungs, flags, io, typescript });
  const dryRun = flags.dryRun === true;
  if (dryRun) io.stdout.write(unifiedDiff(root, run.plan.edits));
  printRun(run, root, dryRun ? io.stderr : io.stdout);
  return remaining(run) ? 1 : 0;
}

/**
 * The fix step of `check --fix`: fixes what the check's fixable rungs would report, never a file
 * with unstaged changes, and says on stderr what it did (stdout is the report's).
 *
 * @param root - the repository root
 * @param config - its configuration
 * @param rungs - the rungs the check runs (those without fixes are left out)
 * @param context - the check's scoping flags, streams and TypeScript
 * @example
 * ```ts
 * await fixBeforeCheck(root, config, [0, 1, 2, 4], { flags, io });
 * ```
 */
export async function fixBeforeCheck(
  root: string,
  config: QualityGateConfig,
  rungs: readonly number[],
  context: {
    readonly flags: GateFlags & { readonly cache?: boolean };
    readonly io: CliIo;
    readonly typescript?: TypeScriptChoice | undefined;
  },
): Promise<void> {
  const fixable = rungs.filter((id) => FIXABLE_RUNGS.includes(id));
  if (fixable.length === 0) return;
  const run = await fixRepository({ root, config, rungs: fixable, ...context });
  printRun(run, root, context.io.stderr);
}

async function fixRepository(options: {
  readonly root: string;
  readonly config: QualityGateConfig;
  readonly rungs: readonly number[];
  readonly flags: FixFlags;
  readonly io: CliIo;
  readonly typescript?: TypeScriptChoice | undefined;
}): Promise<FixRun> {
  const { root, config, flags } = options;
  return runFix({
    repository: describeRepository(root, config.entryPoints),
    config,
    rungs: options.rungs,
    scope: {
      ...(flags.since !== undefined && { since: flags.since }),
      ...(flags.staged === true && { staged: true }),
    },
    dryRun: flags.dryRun === true,
    force: flags.force === true,
    cacheDir: flags.cache === false ? undefined : resultCacheDir(root, options.io.env),
    typescript: options.typescript,
  });
}

function describeRepository(root: string, entryPoints: readonly string[] | undefined): Project {
  assertDirectory(root);
  const project = discoverProject(root, entryPoints);
  assertProject(project);
  return project;
}

/**
 * Reads `fix --only`.
 *
 * @param value - the flag's value, if given
 * @returns the rung ids, sorted; every fixable rung without the flag
 * @throws QualityGateError `USAGE` for anything but a comma list of 1, 2, 4 and 7
 */
function parseFixRungs(value: string | undefined): number[] {
  if (value === undefined) return [...FIXABLE_RUNGS];
  const parts = value.split(",").map((part) => part.trim());
  if (parts.some((part) => !FIXABLE_RUNGS.map(String).includes(part))) {
    throw new QualityGateError("USAGE", messages.badFixOnly(value));
  }
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function remaining(run: FixRun): boolean {
  return (
    run.plan.outcomes.some((outcome) => outcome.status !== "fixed") ||
    (run.written?.refused.length ?? 0) > 0
  );
}

/** Prints the files written and refused, then each finding's outcome (the done ones only when written). */
function printRun(run: FixRun, root: string, out: CliIo["stdout"]): void {
  const rel = (path: string): string => relative(root, path).split(sep).join("/");
  const written = new Set((run.written?.written ?? []).map(rel));
  for (const path of written) out.write(`${messages.fixWrote(path)}\n`);
  for (const { path, reason } of run.written?.refused ?? []) {
    out.write(`${messages.fixRefused(rel(path), reason)}\n`);
  }
  for (const outcome of run.plan.outcomes) {
    if (outcome.status === "fixed" && !written.has(outcome.finding.file)) continue;
    out.write(`${describeOutcome(outcome)}\n`);
  }
}

function describeOutcome({ finding, status, note }: FixOutcome): string {
  const where = `${finding.file}:${String(finding.line)}`;
  const what = finding.symbol === null ? finding.ruleId : `${finding.symbol} (${finding.ruleId})`;
  if (status === "fixed") return messages.fixDone(where, what, note);
  return status === "drafted"
    ? messages.fixDrafted(where, what, note)
    : messages.fixLeft(where, what, note);
}
