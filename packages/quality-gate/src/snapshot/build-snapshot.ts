/**
 * Builds the start-up snapshot (`quality-gate warm`): runs bin/snapshot-builder.cjs under
 * `node --build-snapshot` with the repository's compiler options added to the ones the snapshot
 * already serves, and puts the new snapshot in place in one rename, so a run never starts from a
 * half-written file.
 *
 * @internal
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { QualityGateError } from "../errors.js";
import type ts from "../typescript.cjs";
import { libOptions, libReuseKey, SNAPSHOT_GLOBAL_NAME } from "./lib-reuse.js";
import type { LibSet, SnapshotRequest } from "./snapshot-types.js";
import type { SnapshotFiles } from "./snapshot-file.js";

/** How many repositories' options one snapshot serves; each adds its lib files (4–22 MB; DOM is most). */
const MAX_LIB_SETS = 4;

/**
 * A snapshot just built.
 *
 * @internal
 */
export interface BuiltSnapshot {
  /** Where it is. */
  readonly blob: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** How many sets of compiler options it holds lib files for. */
  readonly optionSets: number;
  /** How long the build took, in milliseconds. */
  readonly durationMs: number;
}

/**
 * Builds the snapshot so that Programs with `options` start with their lib files ready.
 *
 * @param compiler - the compiler the options are read with
 * @param options - the repository's compiler options
 * @param files - where the snapshot goes and what it is built from
 * @param env - the environment the builder runs in
 * @returns the snapshot
 * @throws QualityGateError `SNAPSHOT_FAILED` when Node could not build it
 * @internal
 */
export function buildSnapshot(
  compiler: typeof ts,
  options: ts.CompilerOptions,
  files: SnapshotFiles,
  env: Readonly<Record<string, string | undefined>>,
): BuiltSnapshot {
  const wanted = libSet(compiler, options);
  const kept = readLibSets(files.optionSets).filter((set) => set.key !== wanted.key);
  const libSets = [wanted, ...kept].slice(0, MAX_LIB_SETS);
  const request: SnapshotRequest = {
    typescript: files.typescript,
    cli: files.cli,
    globalName: SNAPSHOT_GLOBAL_NAME,
    libSets,
  };
  makeDirectory(dirname(files.blob));
  const partial = `${files.blob}.${String(process.pid)}.partial`;
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--snapshot-blob", partial, "--build-snapshot", files.builder, JSON.stringify(request)],
    { env, encoding: "utf8" },
  );
  const durationMs = performance.now() - started;
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    throw new QualityGateError("SNAPSHOT_FAILED", failure(run.stderr, run.error));
  }
  writeFileSync(files.optionSets, `${JSON.stringify(libSets)}\n`);
  renameSync(partial, files.blob);
  const bytes = statSync(files.blob).size;
  return { blob: files.blob, bytes, optionSets: libSets.length, durationMs };
}

function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QualityGateError(
      "SNAPSHOT_FAILED",
      `cannot create the snapshot's directory ${dir} (${reason}); set QUALITY_GATE_SNAPSHOT_DIR to a writable directory.`,
    );
  }
}

/** The repository's lib set: its key and the options that decide its lib files. */
function libSet(compiler: typeof ts, options: ts.CompilerOptions): LibSet {
  const key = libReuseKey(compiler, options);
  const picked = libOptions(compiler, options);
  if (key === undefined || picked === undefined) {
    throw new QualityGateError(
      "SNAPSHOT_FAILED",
      "this TypeScript does not list the options that affect a source file, so a snapshot cannot tell when its lib files fit; checks run without one.",
    );
  }
  return { key, options: picked };
}

/** The lib sets the snapshot serves now; none when it has never been built (or the file is damaged). */
function readLibSets(file: string): LibSet[] {
  try {
    const sets: unknown = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(sets) ? (sets as LibSet[]) : [];
  } catch {
    return [];
  }
}

function failure(stderr: string | null, error: Error | undefined): string {
  const lines = (stderr ?? "").split("\n").filter((line) => /^\w*Error\b/.test(line));
  const reason = error?.message ?? lines.at(-1) ?? "node exited without saying why";
  return `could not build the start-up snapshot: ${reason}. Checks still run, without it.`;
}
