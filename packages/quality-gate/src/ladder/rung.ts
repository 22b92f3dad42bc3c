/**
 * The Rung interface: a rung is data, `{ id, name, run(context) }`, in a list whose order is the
 * ladder. Everything a rung needs comes in through the context, so rungs run against any
 * repository and in tests.
 */
import type ts from "typescript";
import type { QualityGateConfig } from "../config/config-schema.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import type { RungOutcome } from "./finding.js";

/** What a rung is given. */
export interface RungContext {
  /** The repository root, absolute. */
  readonly root: string;
  /** The validated configuration, with defaults filled in. */
  readonly config: QualityGateConfig;
  /** The one TypeScript Program rung 0 and the scorer share, built on first use. */
  readonly program: () => ts.Program;
  /** The public surface of every package, collected once and shared by rungs 4–7. */
  readonly workspace: () => CollectedWorkspace;
  /** Restricts findings to these files (absolute paths), for `--staged`; `undefined` for all. */
  readonly onlyFiles: ReadonlySet<string> | undefined;
  /** The incremental cache's folder, or `undefined` to run without a cache (`--no-cache`). */
  readonly cacheDir?: string | undefined;
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
