/** `quality-gate warm [dir]`: build the start-up snapshot for a repository's compiler options. */
import { resolve } from "node:path";
import { QualityGateError } from "../errors.js";
import { assertDirectory, assertProject } from "../ladder/run-ladder.js";
import { discoverProject } from "../project/discover-project.js";
import { buildSnapshot } from "../snapshot/build-snapshot.js";
import { snapshotFiles, SNAPSHOT_SWITCH_VARIABLE } from "../snapshot/snapshot-file.js";
import ts from "../typescript.cjs";
import type { CliIo } from "./io.js";

/**
 * Runs `warm`: builds (or rebuilds) the snapshot that `check` and `explain` start from, holding
 * the TypeScript compiler and the lib files for this repository's compiler options.
 *
 * @param dir - the repository, relative to the working directory
 * @param io - working directory, environment and streams
 * @returns 0 once the snapshot is in place
 * @throws QualityGateError `NO_TSCONFIG` or `CONFIG_INVALID` when the compiler options cannot be
 *   read, `SNAPSHOT_FAILED` when Node cannot build the snapshot
 * @example
 * ```ts
 * warmCommand(".", io); // 0, and later checks skip parsing TypeScript's lib files
 * ```
 */
export function warmCommand(dir: string, io: CliIo): number {
  const root = resolve(io.cwd, dir);
  assertDirectory(root);
  const project = discoverProject(root);
  assertProject(project);
  // The lib files of the first project with files of its own: a repository's projects nearly
  // always share their target and lib.
  const tsconfig =
    project.tsconfigs.find((candidate) => !candidate.solution) ?? project.tsconfigs[0];
  const { parsed, diagnostics, file } = tsconfig?.reading ?? {
    parsed: undefined,
    diagnostics: [],
    file: root,
  };
  const problem = diagnostics[0] ?? (parsed && ts.getConfigFileParsingDiagnostics(parsed)[0]);
  if (parsed === undefined || problem !== undefined) {
    const reason = problem ? ts.flattenDiagnosticMessageText(problem.messageText, " ") : "";
    throw new QualityGateError(
      "CONFIG_INVALID",
      `${file} cannot be read (${reason}); fix it, then run warm again.`,
    );
  }
  const built = buildSnapshot(ts, parsed.options, snapshotFiles(io.env), io.env);
  const megabytes = (built.bytes / 1e6).toFixed(0);
  const seconds = (built.durationMs / 1000).toFixed(1);
  const sets = built.optionSets === 1 ? "1 set" : `${String(built.optionSets)} sets`;
  io.stdout.write(
    `Start-up snapshot ready: ${built.blob} (${megabytes} MB, lib files for ${sets} of compiler options, built in ${seconds} s).\n` +
      `check and explain now start from it; ${SNAPSHOT_SWITCH_VARIABLE}=0 turns it off.\n`,
  );
  return 0;
}
