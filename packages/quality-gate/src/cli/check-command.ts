/** `quality-gate check [dir]`: climb the ladder and report. */
import { resolve } from "node:path";
import { loadConfig } from "../config/load-config.js";
import { RUNGS } from "../ladder/rungs.js";
import { runLadder } from "../ladder/run-ladder.js";
import { buildReport } from "../report/build-report.js";
import type { CliIo } from "./io.js";
import { createProgress } from "./progress.js";
import { selectRungs } from "./parse-rungs.js";
import { planOutputs, prepareOutputs, writeOutputs } from "./report-outputs.js";

/** The flags of `check`, as commander hands them over. */
export interface CheckFlags {
  readonly target?: string;
  readonly stage?: string;
  readonly only?: string;
  readonly format?: string;
  readonly output?: string;
  readonly outputDir?: string;
  readonly config?: string;
  readonly bail?: boolean;
}

/**
 * Runs `check`.
 *
 * @param dir - the repository, relative to the working directory
 * @param flags - the command's flags
 * @param io - working directory, environment and streams
 * @returns the exit code: 0 when the target is reached and thresholds hold, 1 when not
 * @throws QualityGateError for usage and setup problems (the caller prints them and exits 2)
 * @example
 * ```ts
 * const code = await checkCommand(".", { target: "3" }, io);
 * ```
 */
export async function checkCommand(dir: string, flags: CheckFlags, io: CliIo): Promise<number> {
  const selection = selectRungs(flags);
  const outputs = planOutputs(flags, io);
  prepareOutputs(outputs);
  const root = resolve(io.cwd, dir);
  const { config } = await loadConfig(root, flags.config, io.cwd);
  const progress = createProgress(
    RUNGS.filter((rung) => selection.rungs.includes(rung.id)),
    io,
  );
  const result = await runLadder({
    root,
    config,
    rungs: selection.rungs,
    bail: flags.bail === true,
    onProgress: progress.onProgress,
  }).finally(progress.close);
  const report = buildReport(result, config, selection.target, selection.only);
  writeOutputs(report, outputs, io);
  return report.passed ? 0 : 1;
}
