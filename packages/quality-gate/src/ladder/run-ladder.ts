/**
 * Climbs the ladder: runs the requested rungs against a repository and returns their results in
 * ladder order. Rungs run concurrently (none needs another's output; rungs 0 and 4–7 share the
 * Programs and one collection, built on first use); `bail` runs them in order and skips the rest
 * after the first failure. A setup problem a rung finds (no public API to score) stops the others
 * and is thrown once they have stopped.
 */
import { existsSync, statSync } from "node:fs";
import type { QualityGateConfig } from "../config/config-schema.js";
import { QualityGateError } from "../errors.js";
import { discoverProject } from "../project/discover-project.js";
import type { Project } from "../project/discover-project.js";
import { prefetchTsdoc } from "../scorer/prefetch-tsdoc.js";
import { collectWorkspace } from "../scorer/score-workspace.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import type { Finding, RungOutcome, RungStatus, ToolUsed } from "./finding.js";
import { createPrograms } from "./create-program.js";
import type { ProjectProgram } from "./create-program.js";
import { readRepositoryTools } from "../tools/repository-tools.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import type { Rung, RungContext } from "./rung.js";
import { RUNGS, rungIdsWhere } from "./rungs.js";

/** What to climb and how. */
export interface LadderOptions {
  /** The repository root, absolute. */
  readonly root: string;
  /** The validated configuration. */
  readonly config: QualityGateConfig;
  /** The rung ids to run, in any order. */
  readonly rungs: readonly number[];
  /** Stop at the first failing rung (and run in order). */
  readonly bail: boolean;
  /** Restrict findings to these absolute paths (`--staged`), or `undefined`. */
  readonly onlyFiles?: ReadonlySet<string> | undefined;
  /** The incremental cache's folder (`node_modules/.cache/quality-gate`), or `undefined`. */
  readonly cacheDir?: string | undefined;
  /** The repository, when the caller described it already (`--staged`, `--shard`). */
  readonly project?: Project | undefined;
  /** Programs already built for this repository (`--staged` builds them to find its scope). */
  readonly programs?: readonly ProjectProgram[] | undefined;
  /** The repository's TypeScript, as the CLI chose it; the gate's own when not given. */
  readonly typescript?: TypeScriptChoice | undefined;
  /** The clock for durations, in milliseconds. */
  readonly now?: () => number;
  /** Called when a rung starts and ends, for progress output. */
  readonly onProgress?: (event: { rung: Rung; result?: RungResult }) => void;
}

/** One rung's result in the report. */
export interface RungResult {
  /** Its place on the ladder, 0 (compiles) to 7 (documented). */
  readonly id: number;
  /** What the rung checks, as one word: `compiles`, `formatted`, … */
  readonly name: string;
  /** How it ended; `not-run` when not requested, `skipped` after a `--bail`. */
  readonly status: RungStatus;
  /** How long it took, in milliseconds. */
  readonly durationMs: number;
  /** When it started, in milliseconds after the run began (shows concurrency). */
  readonly startedAtMs: number;
  /** The problems it found, each with a place and a fix. */
  readonly findings: readonly Finding[];
  /** Its measurements, if any. */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The tool it ran, if it runs one. */
  readonly tool?: ToolUsed;
}

/** What a climb produced. */
export interface LadderResult {
  /** Every rung of the ladder, in order, requested or not. */
  readonly rungs: readonly RungResult[];
  /** The shared collection, when a rung built it (for the report's symbols and scores). */
  readonly workspace: CollectedWorkspace | undefined;
}

/**
 * Runs the requested rungs.
 *
 * @param options - the repository, configuration, rungs and mode
 * @returns every rung's result in ladder order, and the collection if one was built
 * @throws QualityGateError `DIRECTORY_NOT_FOUND` or `NO_TSCONFIG` before any rung runs;
 *   `NO_PUBLIC_API` when rungs that score exported symbols find none
 * @example
 * ```ts
 * const { rungs } = await runLadder({ root: "/repo", config, rungs: [0, 1, 2, 3], bail: false });
 * ```
 */
export async function runLadder(options: LadderOptions): Promise<LadderResult> {
  assertDirectory(options.root);
  const project = options.project ?? discoverProject(options.root, options.config.entryPoints);
  assertProject(project);
  if (options.rungs.some((id) => SCORER_RUNGS.has(id))) assertEntryPoints(project);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const stop = new AbortController();
  const shared = sharedState(options, project, stop.signal);
  const requested = RUNGS.filter((rung) => options.rungs.includes(rung.id));
  const results = new Map<number, RungResult>();
  const runOne = async (rung: Rung): Promise<RungResult> => {
    options.onProgress?.({ rung });
    const start = now();
    try {
      const outcome = await rung.run(shared.context);
      const result = toResult(rung, outcome, start - started, now() - start);
      options.onProgress?.({ rung, result });
      return result;
    } catch (error) {
      stop.abort(error);
      throw error;
    }
  };
  for (const result of await runRungs(requested, runOne, options.bail)) {
    results.set(result.id, result);
  }
  const rungs = RUNGS.map(
    (rung) => results.get(rung.id) ?? unrun(rung, requested.includes(rung)),
  );
  return { rungs, workspace: shared.built() };
}

/**
 * Runs rungs in order up to the first failure (`--bail`), or all at once, the ones that hand
 * their work to other processes first; a rung that throws (a setup problem) fails the run once
 * every rung has stopped.
 */
async function runRungs(
  requested: readonly Rung[],
  runOne: (rung: Rung) => Promise<RungResult>,
  bail: boolean,
): Promise<RungResult[]> {
  const results: RungResult[] = [];
  if (bail) {
    for (const rung of requested) {
      const result = await runOne(rung);
      results.push(result);
      if (result.status === "failed") break;
    }
    return results;
  }
  const launchOrder = [...requested].sort(
    (a, b) => Number(b.offloads === true) - Number(a.offloads === true),
  );
  const settled = await Promise.allSettled(launchOrder.map(runOne));
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed !== undefined) throw failed.reason;
  for (const outcome of settled) if (outcome.status === "fulfilled") results.push(outcome.value);
  return results;
}

/**
 * Stops with a clear message when `root` is not a directory.
 *
 * @param root - the repository's absolute path
 * @throws QualityGateError `DIRECTORY_NOT_FOUND`
 * @internal
 */
export function assertDirectory(root: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new QualityGateError(
      "DIRECTORY_NOT_FOUND",
      `${root} is not a directory; pass the repository to check.`,
    );
  }
}

/**
 * Stops with a clear message when a repository has no TypeScript project to climb with.
 *
 * @param project - the repository
 * @throws QualityGateError `NO_TSCONFIG`
 * @internal
 */
export function assertProject(project: Project): void {
  if (project.tsconfigs.length === 0) {
    throw new QualityGateError(
      "NO_TSCONFIG",
      `${project.root} has no tsconfig.json, at its root or in any package; the ladder starts with TypeScript (run npx tsc --init).`,
    );
  }
}

/**
 * Stops with a clear message when the rungs that score exported symbols would score nothing: a
 * perfect score on no symbols would say nothing true.
 *
 * @param project - the repository
 * @param symbols - how many symbols collection found, once it ran
 * @throws QualityGateError `NO_PUBLIC_API` naming what was looked for and how to say where the
 *   public API is
 * @internal
 */
export function assertEntryPoints(project: Project, symbols?: number): void {
  const files = project.packages.flatMap((pkg) => pkg.entries.entryFiles);
  if (files.length > 0 && symbols !== 0) return;
  const looked = project.packages
    .map((pkg) => {
      const targets = pkg.entries.entries.map((entry) => entry.target);
      return `${pkg.manifest.name} (${targets.length > 0 ? targets.join(", ") : "no exports, main, types or bin; no src/index.ts"})`;
    })
    .join("; ");
  const found =
    files.length === 0
      ? `found no source file behind the public entry points of ${looked}`
      : `found no exported symbol in ${files.map((file) => file.slice(project.root.length + 1)).join(", ")}`;
  throw new QualityGateError(
    "NO_PUBLIC_API",
    `Rungs 4 and 7 score the exported symbols, but the gate ${found}. Set entryPoints in quality-gate.config.ts to the source files of the public API (such as ["src/index.ts"]), or leave rungs 4-7 out with --only 0,1,2,3.`,
  );
}

/** The rungs that read the collection of public symbols. */
const SCORER_RUNGS = new Set(rungIdsWhere((traits) => traits.readsSurface));

/** The Programs and collection, built on first use and shared by every rung. */
function sharedState(
  options: LadderOptions,
  project: Project,
  signal: AbortSignal,
): {
  context: RungContext;
  built: () => CollectedWorkspace | undefined;
} {
  let programs: readonly ProjectProgram[] | undefined = options.programs;
  const getPrograms = (): readonly ProjectProgram[] =>
    (programs ??= createPrograms(project.tsconfigs));
  // Started before any rung, so the doc comments are read while rung 0 builds the Programs;
  // Programs handed in are already built, and waiting for the worker would only add its time.
  const settleDocs =
    programs === undefined && options.rungs.some((id) => SCORER_RUNGS.has(id))
      ? prefetchTsdoc(projectFiles(project), options.cacheDir)
      : (): number => 0;
  const collector = onceOrFail(() => {
    const built = getPrograms().map(({ program }) => program);
    // Binding (the checker's creation) needs no doc comments: the worker gets that long to finish.
    for (const program of built) program.getTypeChecker();
    settleDocs();
    const collected = collectWorkspace(built, project);
    assertEntryPoints(
      project,
      collected.packages.reduce((sum, pkg) => sum + pkg.facts.length, 0),
    );
    return collected;
  });
  const context: RungContext = {
    root: options.root,
    config: options.config,
    project,
    tools: onceOrFail(() => readRepositoryTools(project)).get,
    onlyFiles: options.onlyFiles,
    cacheDir: options.cacheDir,
    programs: getPrograms,
    typescript: options.typescript,
    workspace: collector.get,
    signal,
  };
  return { context, built: collector.built };
}

/** Every file of the repository's TypeScript projects, once each. */
function projectFiles(project: Project): string[] {
  return [...new Set(project.tsconfigs.flatMap((tsconfig) => [...tsconfig.fileNames]))];
}

/** A value computed on first use, its error kept too: every rung that asks gets the same answer. */
function onceOrFail<T>(compute: () => T): { get: () => T; built: () => T | undefined } {
  let outcome: { readonly value: T } | { readonly error: unknown } | undefined;
  return {
    get: () => {
      outcome ??= (() => {
        try {
          return { value: compute() };
        } catch (error) {
          return { error };
        }
      })();
      if ("error" in outcome) throw outcome.error;
      return outcome.value;
    },
    built: () => (outcome !== undefined && "value" in outcome ? outcome.value : undefined),
  };
}

function toResult(
  rung: Rung,
  outcome: RungOutcome,
  startedAtMs: number,
  durationMs: number,
): RungResult {
  return {
    id: rung.id,
    name: rung.name,
    status: outcome.status,
    durationMs: Math.round(durationMs),
    startedAtMs: Math.round(startedAtMs),
    findings: outcome.findings,
    ...(outcome.metrics === undefined ? {} : { metrics: outcome.metrics }),
    ...(outcome.tool === undefined ? {} : { tool: outcome.tool }),
  };
}

function unrun(rung: Rung, requested: boolean): RungResult {
  const status: RungStatus = requested ? "skipped" : "not-run";
  return { id: rung.id, name: rung.name, status, durationMs: 0, startedAtMs: 0, findings: [] };
}
