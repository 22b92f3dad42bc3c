/**
 * The Rung interface: a rung is data, `{ id, name, run(context) }`, in a list whose order is the
 * ladder. Everything a rung needs comes in through the context, so rungs run against any
 * repository and in tests.
 */
import type { QualityGateConfig } from "../config/config-schema.js";
import type { Project } from "../project/discover-project.js";
import type { RepositoryTools } from "../tools/repository-tools.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import type { ProjectProgram } from "./create-program.js";
import type { RungOutcome } from "./finding.js";

/** What a rung is given. */
export interface RungContext {
  /** The repository root, absolute. */
  readonly root: string;
  /** The validated configuration, with defaults filled in. */
  readonly config: QualityGateConfig;
  /** The repository: its packages, their entry points, its TypeScript projects. */
  readonly project: Project;
  /** What the repository declares about its tools (read on first use). */
  readonly tools: () => RepositoryTools;
  /** One Program per TypeScript project, shared by rung 0 and the scorer, built on first use. */
  readonly programs: () => readonly ProjectProgram[];
  /** The repository's TypeScript (when rung 0 must run its command); the gate's when undefined. */
  readonly typescript?: TypeScriptChoice | undefined;
  /** The public surface of every package, collected once and shared by rungs 4–7. */
  readonly workspace: () => CollectedWorkspace;
  /** Restricts findings to these files (absolute paths), for `--staged`; `undefined` for all. */
  readonly onlyFiles: ReadonlySet<string> | undefined;
  /** The incremental cache's folder, or `undefined` to run without a cache (`--no-cache`). */
  readonly cacheDir?: string | undefined;
  /** Aborted when the run stops early (a setup problem found by another rung): stop the tools. */
  readonly signal: AbortSignal;
}

/**
 * What a rung is, as data: what it reads, what it measures, and how scoped runs treat it. Every
 * part of the gate that treats rungs differently asks these, never a rung's id.
 */
export interface RungTraits {
  /** Reads the packages' public surface (collected once and shared): it needs entry points. */
  readonly readsSurface: boolean;
  /**
   * The score category its outcome makes: `lint` (clean or not, with the other lint rungs),
   * `tests` (its coverage), `types` or `documentation` (a score over every exported symbol, the
   * same in every shard).
   */
  readonly measures?: "lint" | "tests" | "types" | "documentation";
  /** Runs whole in one shard (tests with coverage cannot be added up across shards). */
  readonly wholeInOneShard: boolean;
  /**
   * Which findings `--since` keeps: those of the changes (on changed lines, or of symbols whose
   * declaration changed), or all (a test failure has no line a change can be matched to).
   */
  readonly sinceScope: "changes" | "all";
}

/** One rung of the ladder. */
export interface Rung {
  /** Its place on the ladder, 0..7. */
  readonly id: number;
  /** Its name: `compiles`, `formatted`, … */
  readonly name: string;
  /** What it reads and measures, and how scoped runs treat it. */
  readonly traits: RungTraits;
  /**
   * Whether it hands its work to other processes (Vitest's workers): such rungs are launched
   * first, so their work overlaps the rungs that run in this process.
   */
  readonly offloads?: boolean;
  /** Runs the rung; a failure is a result, only setup problems throw. */
  readonly run: (context: RungContext) => Promise<RungOutcome>;
}
