/**
 * The gate's scoping flags of `check` as one plan: what the ladder is restricted to before it
 * runs (`onlyFiles`, so Prettier and ESLint only read the files that matter) and how the report
 * is narrowed after it (which findings count).
 */
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { ProjectProgram } from "../ladder/create-program.js";
import type { Project } from "../project/discover-project.js";
import type { QualityGateConfig } from "../config/config-schema.js";
import { QualityGateError } from "../errors.js";
import { changesSince } from "../git/changes-since.js";
import { runGit } from "../git/run-git.js";
import type { GitRunner } from "../git/run-git.js";
import type { Finding } from "../ladder/finding.js";
import type { LadderResult } from "../ladder/run-ladder.js";
import type { Report } from "../report/build-report.js";
import { parseShard } from "../shard/parse-shard.js";
import { planShard } from "./shard-plan.js";
import type { ShardIdentity } from "./shard-plan.js";
import { scopeReport } from "./scope-report.js";
import { changedFindings, symbolSpans } from "./since-filter.js";
import { planStaged } from "./staged-plan.js";

/** The scoping flags of `check`. */
export interface GateFlags {
  /** Gate only what changed since the merge base with this ref. */
  readonly since?: string;
  /** Gate only the staged files and the files that import them. */
  readonly staged?: boolean;
  /** Gate one deterministic slice of the files, `i/n`. */
  readonly shard?: string;
}

/** What a scoped run does before and after the ladder. */
export interface GatePlan {
  /** Absolute paths the rungs are restricted to, or `undefined` for every file. */
  readonly onlyFiles: ReadonlySet<string> | undefined;
  /** Programs built while planning, for the ladder to reuse. */
  readonly programs?: readonly ProjectProgram[];
  /** The rungs to run, from those requested (a shard other than 1 leaves rung 3 out). */
  readonly rungs?: (rungs: readonly number[]) => number[];
  /** Narrows the report of the climb to the findings that count. */
  readonly finish: (
    report: Report,
    result: LadderResult,
    only: readonly number[] | undefined,
  ) => Report;
}

/**
 * Plans a run from the scoping flags: asks git what changed (`--since`) or what is staged
 * (`--staged`), or slices the files (`--shard`).
 *
 * @param project - the repository
 * @param flags - `--since`, `--staged` and `--shard`
 * @param config - the configuration (`--shard` slices the files its globs name)
 * @param git - runs git; the real one by default
 * @returns the restriction for the ladder and the narrowing of its report
 * @throws GitError when `--since` names no commit or `root` is outside git; ShardError for a
 *   bad `--shard`; QualityGateError (`USAGE`) when more than one of the flags is given
 * @example
 * ```ts
 * const plan = await planGate(discoverProject(root), { since: "origin/main" }, config);
 * const report = plan.finish(buildReport(result, config, 7, undefined), result, undefined);
 * ```
 */
export async function planGate(
  project: Project,
  flags: GateFlags,
  config: QualityGateConfig,
  git: GitRunner = runGit,
): Promise<GatePlan> {
  const { root } = project;
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const given = [
    flags.since === undefined ? "" : "--since",
    flags.staged === true ? "--staged" : "",
    shard === undefined ? "" : "--shard",
  ].filter((flag) => flag !== "");
  if (given.length > 1) {
    throw new QualityGateError(
      "USAGE",
      `${given.join(" and ")} each choose what is gated; give one of them.`,
    );
  }
  if (flags.since !== undefined) return sincePlan(root, flags.since, git);
  if (flags.staged === true) return stagedPlan(project, git);
  if (shard !== undefined) {
    const plan = planShard(project, config, shard, await shardIdentity(root, git));
    return { ...plan, finish: (report, _result, only) => plan.finish(report, only) };
  }
  return { onlyFiles: undefined, finish: (report) => report };
}

/** The repository's name (its package.json's, else its folder's) and, in git, its HEAD commit. */
async function shardIdentity(root: string, git: GitRunner): Promise<ShardIdentity> {
  let repository = basename(root);
  try {
    const { name } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      name?: unknown;
    };
    if (typeof name === "string" && name !== "") repository = name;
  } catch {
    // No package.json, or not JSON: the folder's name identifies the repository.
  }
  try {
    return { repository, commit: (await git(["rev-parse", "HEAD"], root)).trim() };
  } catch {
    return { repository };
  }
}

async function sincePlan(root: string, ref: string, git: GitRunner): Promise<GatePlan> {
  const changes = await changesSince(root, ref, git);
  return {
    onlyFiles: new Set([...changes.files.keys()].map((path) => resolve(root, path))),
    finish: (report, result, only) =>
      scopeReport(report, changedFindings(changes, symbolSpans(result.workspace)), only, {
        since: ref,
      }),
  };
}

async function stagedPlan(project: Project, git: GitRunner): Promise<GatePlan> {
  const { scope, programs } = await planStaged(project, git);
  const inScope = (finding: Finding): boolean => scope.has(resolve(project.root, finding.file));
  return {
    onlyFiles: scope,
    programs,
    finish: (report, _result, only) => scopeReport(report, inScope, only, { staged: true }),
  };
}
