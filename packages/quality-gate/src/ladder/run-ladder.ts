/**
 * Climbs the ladder: runs the requested rungs against a repository and returns their results in
 * ladder order. Rungs run concurrently (none needs another's output; rungs 0 and 4–7 share one
 * Program and one collection, built on first use); `bail` runs them in order and skips the rest
 * after the first failure.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type ts from "typescript";
import type { QualityGateConfig } from "../config/config-schema.js";
import { QualityGateError } from "../errors.js";
import { prefetchTsdoc } from "../scorer/prefetch-tsdoc.js";
import { collectWorkspace } from "../scorer/score-workspace.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import type { Finding, RungOutcome, RungStatus } from "./finding.js";
import { createProgram, readTsconfig } from "./create-program.js";
import type { TsconfigReading } from "./create-program.js";
import type { Rung, RungContext } from "./rung.js";
import { RUNGS } from "./rungs.js";

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
  /** A Program already built for this repository (`--staged` builds it to find its scope). */
  readonly program?: ts.Program | undefined;
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
 * @throws QualityGateError `DIRECTORY_NOT_FOUND` or `NO_TSCONFIG` before any rung runs
 * @example
 * ```ts
 * const { rungs } = await runLadder({ root: "/repo", config, rungs: [0, 1, 2, 3], bail: false });
 * ```
 */
export async function runLadder(options: LadderOptions): Promise<LadderResult> {
  assertRepository(options.root);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const shared = sharedState(options);
  const requested = RUNGS.filter((rung) => options.rungs.includes(rung.id));
  const results = new Map<number, RungResult>();
  const runOne = async (rung: Rung): Promise<RungResult> => {
    options.onProgress?.({ rung });
    const start = now();
    const outcome = await rung.run(shared.context);
    const result = toResult(rung, outcome, start - started, now() - start);
    options.onProgress?.({ rung, result });
    return result;
  };
  if (options.bail) {
    for (const rung of requested) {
      const result = await runOne(rung);
      results.set(rung.id, result);
      if (result.status === "failed") break;
    }
  } else {
    const launchOrder = [...requested].sort(
      (a, b) => Number(b.offloads === true) - Number(a.offloads === true),
    );
    for (const result of await Promise.all(launchOrder.map(runOne)))
      results.set(result.id, result);
  }
  const rungs = RUNGS.map(
    (rung) => results.get(rung.id) ?? unrun(rung, requested.includes(rung)),
  );
  return { rungs, workspace: shared.built() };
}

/**
 * Stops with a clear message when `root` is not a repository the ladder can climb.
 *
 * @param root - the repository's absolute path
 * @throws QualityGateError `DIRECTORY_NOT_FOUND` or `NO_TSCONFIG`
 * @internal
 */
export function assertRepository(root: string): void {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new QualityGateError(
      "DIRECTORY_NOT_FOUND",
      `${root} is not a directory; pass the repository to check.`,
    );
  }
  if (!existsSync(join(root, "tsconfig.json"))) {
    throw new QualityGateError(
      "NO_TSCONFIG",
      `${root} has no tsconfig.json; the ladder starts with TypeScript (run npx tsc --init).`,
    );
  }
}

/** The rungs that read the collection of public symbols. */
const SCORER_RUNGS = new Set([4, 5, 6, 7]);

/** The Program and collection, built on first use and shared by every rung. */
function sharedState(options: LadderOptions): {
  context: RungContext;
  built: () => CollectedWorkspace | undefined;
} {
  let program: ts.Program | undefined = options.program;
  let workspace: CollectedWorkspace | undefined;
  let tsconfig: TsconfigReading | undefined;
  const readTsconfigOnce = (): TsconfigReading => (tsconfig ??= readTsconfig(options.root));
  const getProgram = (): ts.Program =>
    (program ??= createProgram(options.root, undefined, readTsconfigOnce()));
  // Started before any rung, so the doc comments are read while rung 0 builds the Program; a
  // Program handed in is already built, and waiting for the worker would only add its time.
  const settleDocs =
    program === undefined && options.rungs.some((id) => SCORER_RUNGS.has(id))
      ? prefetchTsdoc(readTsconfigOnce().parsed?.fileNames ?? [], options.cacheDir)
      : (): number => 0;
  const collect = (): CollectedWorkspace => {
    const built = getProgram();
    // Binding (the checker's creation) needs no doc comments: the worker gets that long to finish.
    built.getTypeChecker();
    settleDocs();
    return collectWorkspace(built, options.root, options.config.entryPoints);
  };
  const context: RungContext = {
    root: options.root,
    config: options.config,
    onlyFiles: options.onlyFiles,
    cacheDir: options.cacheDir,
    program: getProgram,
    workspace: () => (workspace ??= collect()),
  };
  return { context, built: () => workspace };
}

function toResult(
  rung: Rung,
  outcome: RungOutcome,
  startedAtMs: number,
  durationMs: number,
): RungResult {
  const metrics = outcome.metrics === undefined ? {} : { metrics: outcome.metrics };
  return {
    id: rung.id,
    name: rung.name,
    status: outcome.status,
    durationMs: Math.round(durationMs),
    startedAtMs: Math.round(startedAtMs),
    findings: outcome.findings,
    ...metrics,
  };
}

function unrun(rung: Rung, requested: boolean): RungResult {
  const status: RungStatus = requested ? "skipped" : "not-run";
  return { id: rung.id, name: rung.name, status, durationMs: 0, startedAtMs: 0, findings: [] };
}
