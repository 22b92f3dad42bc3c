/**
 * Builds the start-up snapshot (`quality-gate warm`): runs bin/snapshot-builder.cjs under
 * `node --build-snapshot` with the repository's compiler options added to the ones the snapshot
 * already serves, and puts the new snapshot in place in one rename, so a run never starts from a
 * half-written file.
 *
 * @internal
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { QualityGateError } from "../errors.js";
import { openPrivateDirectory } from "../fs/private-directory.js";
import { writeAtomically } from "../fs/write-atomically.js";
import type ts from "../typescript.cjs";
import { libOptions, libReuseKey, SNAPSHOT_GLOBAL_NAME } from "./lib-reuse.js";
import type { LibSet, SnapshotRequest } from "./snapshot-types.js";
import { readSnapshotManifest } from "./snapshot-file.js";
import type { SnapshotFiles, SnapshotManifest } from "./snapshot-file.js";

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
 * Builds the snapshot so that Programs with `options` start with their lib files ready, in a
 * directory only this user can write (created `0o700`), and records its size and hash beside it.
 *
 * @param compiler - the compiler the options are read with
 * @param options - the repository's compiler options
 * @param files - where the snapshot goes and what it is built from
 * @param env - the environment the builder runs in
 * @returns the snapshot
 * @throws QualityGateError `SNAPSHOT_FAILED` when Node could not build it, or the directory is
 *   not private to this user (another user's, writable by others) or cannot be created
 * @internal
 */
export function buildSnapshot(
  compiler: typeof ts,
  options: ts.CompilerOptions,
  files: SnapshotFiles,
  env: Readonly<Record<string, string | undefined>>,
): BuiltSnapshot {
  const wanted = libSet(compiler, options);
  const dir = privateDirectory(files.dir);
  const previous = readSnapshotManifest(files);
  const held = typeof previous === "string" ? [] : previous.manifest.libSets;
  const kept = held.filter((set) => set.key !== wanted.key);
  const libSets = [wanted, ...kept].slice(0, MAX_LIB_SETS);
  const request: SnapshotRequest = {
    typescript: files.typescript,
    cli: files.cli,
    globalName: SNAPSHOT_GLOBAL_NAME,
    libSets,
  };
  const blob = join(dir, basename(files.blob));
  const partial = `${blob}.${String(process.pid)}.partial`;
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
  const bytes = putInPlace(
    partial,
    { blob, manifest: join(dir, basename(files.manifest)) },
    libSets,
  );
  return { blob, bytes, optionSets: libSets.length, durationMs };
}

/**
 * Renames the built snapshot into place and records its manifest beside it.
 *
 * @returns the snapshot's size in bytes
 */
function putInPlace(
  partial: string,
  { blob, manifest: manifestFile }: { readonly blob: string; readonly manifest: string },
  libSets: readonly LibSet[],
): number {
  // Whatever the umask: a snapshot others could write would be refused at the next start.
  chmodSync(partial, 0o600);
  const sha256 = createHash("sha256").update(readFileSync(partial)).digest("hex");
  renameSync(partial, blob);
  // Stat after the rename: it changes the file's change time.
  const stats = statSync(blob);
  const manifest: SnapshotManifest = {
    version: 2,
    libSets,
    blob: { bytes: stats.size, sha256, ino: stats.ino, ctimeMs: stats.ctimeMs },
  };
  writeAtomically(manifestFile, `${JSON.stringify(manifest)}\n`, 0o600);
  return stats.size;
}

/** The snapshot's directory, created private to this user, or a setup error saying why not. */
function privateDirectory(dir: string): string {
  const opened = openPrivateDirectory(dir, true);
  if (opened.problem === undefined) return opened.path;
  throw new QualityGateError(
    "SNAPSHOT_FAILED",
    `cannot keep the start-up snapshot in ${dir}: ${opened.problem}. Set QUALITY_GATE_SNAPSHOT_DIR to a directory only you can write; checks still run, without a snapshot.`,
  );
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

function failure(stderr: string | null, error: Error | undefined): string {
  const lines = (stderr ?? "").split("\n").filter((line) => /^\w*Error\b/.test(line));
  const reason = error?.message ?? lines.at(-1) ?? "node exited without saying why";
  return `could not build the start-up snapshot: ${reason}. Checks still run, without it.`;
}
