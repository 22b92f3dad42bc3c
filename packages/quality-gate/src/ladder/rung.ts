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

/** One rung of the ladder. */
export interface Rung {
  /** Its place on the ladder, 0..7. */
  readonly id: number;
  /** Its name: `compiles`, `formatted`, … */
  readonly name: string;
  /**
   * Whether it hands its work to other processes (Vitest's workers): such rungs are launched
   * first, so their work overlaps the rungs that run in this process.
   */
  readonly offloads?: boolean;
  /** Runs the rung; a failure is a result, only setup problems throw. */
  readonly run: (context: RungContext) => Promise<RungOutcome>;
}
