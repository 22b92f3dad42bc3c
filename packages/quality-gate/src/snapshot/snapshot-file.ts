/**
 * Where the start-up snapshot lives, and whether a run starts from it. bin/quality-gate.js loads
 * this before anything else, so it imports only Node's own modules and small leaf modules of ours
 * (the error type and the file-system helpers).
 *
 * Node executes a snapshot as code, and a damaged one crashes it natively (a segfault or an
 * assertion, before any JavaScript runs), so a run starts from a snapshot only when it is in a
 * directory this user alone can write, is this user's own file, and is byte for byte the file
 * `warm` built (its size and SHA-256, recorded in the manifest beside it). Anything else runs the
 * ordinary way, and `--debug` says why.
 *
 * @internal
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { QualityGateError } from "../errors.js";
import { cacheHome } from "../fs/cache-home.js";
import {
  checkPrivateFile,
  openPrivateDirectory,
  readPrivateFile,
} from "../fs/private-directory.js";
import { fileStamp } from "../file-stamp.js";
import type { LibSet } from "./snapshot-types.js";

const require = createRequire(import.meta.url);

/**
 * The environment variable that turns the snapshot off (`0`) or on (`1`, the default).
 *
 * @internal
 */
export const SNAPSHOT_SWITCH_VARIABLE = "QUALITY_GATE_SNAPSHOT";

/**
 * The environment variable naming the snapshot's directory (default: `snapshot` in the user's
 * cache folder, see `cache-home.ts`).
 *
 * @internal
 */
export const SNAPSHOT_DIR_VARIABLE = "QUALITY_GATE_SNAPSHOT_DIR";

/**
 * The files of a start-up snapshot and the ones it is built from.
 *
 * @internal
 */
export interface SnapshotFiles {
  /** The directory the snapshot and its manifest live in. */
  readonly dir: string;
  /** The snapshot itself. */
  readonly blob: string;
  /** Its manifest ({@link SnapshotManifest}), as JSON. */
  readonly manifest: string;
  /** `typescript.js`, evaluated into the snapshot. */
  readonly typescript: string;
  /** The script `node --build-snapshot` runs (bin/snapshot-builder.cjs). */
  readonly builder: string;
  /** The CLI module a snapshot-started process loads. */
  readonly cli: string;
}

/**
 * What `warm` records beside a snapshot it built: the lib sets it holds, and the blob's size and
 * hash, with the inode and change time it had then (while those are unchanged the file has not
 * been written since, so the hash need not be recomputed: a user can set a file's modification
 * time, never its change time).
 *
 * @internal
 */
export interface SnapshotManifest {
  /** The manifest's format. */
  readonly version: 2;
  /** The compiler options the snapshot holds lib files for. */
  readonly libSets: readonly LibSet[];
  /** The blob as it was built. */
  readonly blob: {
    readonly bytes: number;
    readonly sha256: string;
    readonly ino: number;
    readonly ctimeMs: number;
  };
}

/**
 * Whether a run starts from a snapshot: the blob to start from, or why not (`undefined` when the
 * command or the switch says not to, which needs no explaining).
 *
 * @internal
 */
export type SnapshotChoice =
  | { readonly blob: string; readonly skipped?: undefined }
  | { readonly blob?: undefined; readonly skipped: string | undefined };

/**
 * The snapshot's directory.
 *
 * @param env - the environment ({@link SNAPSHOT_DIR_VARIABLE}, else the user's cache folder)
 * @returns an absolute path
 * @throws QualityGateError `USAGE` when {@link SNAPSHOT_DIR_VARIABLE} is not an absolute path
 * @internal
 */
export function snapshotDirectory(env: Readonly<Record<string, string | undefined>>): string {
  const named = env[SNAPSHOT_DIR_VARIABLE];
  if (named === undefined || named === "") return join(cacheHome(env), "snapshot");
  if (!isAbsolute(named)) {
    throw new QualityGateError(
      "USAGE",
      `${SNAPSHOT_DIR_VARIABLE}=${named} is not an absolute path; set it to an absolute directory.`,
    );
  }
  return named;
}

/**
 * Locates the snapshot of this Node, this TypeScript and this quality-gate. Its name changes with
 * any of them (an upgrade leaves the old file unused; it is never read by the wrong versions,
 * which Node would refuse anyway).
 *
 * @param env - the environment (for {@link SNAPSHOT_DIR_VARIABLE})
 * @returns the snapshot's files
 * @throws QualityGateError `USAGE` when {@link SNAPSHOT_DIR_VARIABLE} is not an absolute path
 * @internal
 */
export function snapshotFiles(env: Readonly<Record<string, string | undefined>>): SnapshotFiles {
  const typescript = require.resolve("typescript");
  const builder = fileURLToPath(new URL("../../bin/snapshot-builder.cjs", import.meta.url));
  // What the snapshot holds: any edit to these makes a new one.
  const baked = [
    typescript,
    builder,
    fileURLToPath(new URL("./snapshot-entry.cjs", import.meta.url)),
  ];
  const cli = fileURLToPath(new URL("../cli/main.js", import.meta.url));
  const dir = snapshotDirectory(env);
  const key = createHash("sha256")
    .update([process.version, process.versions.v8, process.execPath].join("\0"))
    .update(baked.map((file) => `${file}\0${fileStamp(file)}`).join("\0"))
    .digest("hex")
    .slice(0, 32);
  return {
    dir,
    blob: join(dir, `${key}.blob`),
    manifest: join(dir, `${key}.json`),
    typescript,
    builder,
    cli,
  };
}

/**
 * Reads a snapshot's manifest, from a directory only this user can write.
 *
 * @param files - the snapshot's files
 * @returns the manifest and the snapshot's directory by its real path (what is checked is what is
 *   used: a link to the directory cannot be pointed elsewhere afterwards), or the problem that
 *   rules the snapshot out
 * @internal
 */
export function readSnapshotManifest(
  files: SnapshotFiles,
): { readonly manifest: SnapshotManifest; readonly dir: string } | string {
  const dir = openPrivateDirectory(files.dir, false);
  if (dir.problem !== undefined) return dir.problem;
  const path = join(dir.path, basename(files.manifest));
  const read = readPrivateFile(path);
  if (read.problem !== undefined) return read.problem;
  try {
    const manifest: unknown = JSON.parse(read.data.toString("utf8"));
    if (isManifest(manifest)) return { manifest, dir: dir.path };
  } catch {
    // Reported below, as any other damage.
  }
  return `${path} is not a snapshot manifest of this version`;
}

function isManifest(value: unknown): value is SnapshotManifest {
  const manifest = value as Partial<SnapshotManifest> | null;
  const blob = manifest?.blob;
  return (
    manifest?.version === 2 &&
    Array.isArray(manifest.libSets) &&
    typeof blob?.bytes === "number" &&
    typeof blob.sha256 === "string" &&
    typeof blob.ino === "number" &&
    typeof blob.ctimeMs === "number"
  );
}

/**
 * Checks that the blob is the one `warm` built: this user's file, its size, and (when it may have
 * been written since) its hash.
 *
 * @param files - the snapshot's files
 * @returns the blob by its real path, or the problem that rules it out
 * @internal
 */
export function verifySnapshot(files: SnapshotFiles): { readonly blob: string } | string {
  const read = readSnapshotManifest(files);
  if (typeof read === "string") return read;
  const blob = join(read.dir, basename(files.blob));
  const stats = lstatSync(blob, { throwIfNoEntry: false });
  if (stats === undefined) return `${blob} does not exist`;
  const problem = checkPrivateFile(blob, stats);
  if (problem !== undefined) return problem;
  const built = read.manifest.blob;
  if (stats.size !== built.bytes) {
    return `${blob} has ${String(stats.size)} bytes, not the ${String(built.bytes)} it was built with`;
  }
  if (stats.ino === built.ino && stats.ctimeMs === built.ctimeMs) return { blob };
  const hash = createHash("sha256").update(readFileSync(blob)).digest("hex");
  return hash === built.sha256 ? { blob } : `${blob} changed since it was built`;
}

/**
 * Decides whether this run starts from the snapshot: only `check` and `explain` build a Program,
 * only when a verified snapshot exists, and not when {@link SNAPSHOT_SWITCH_VARIABLE} is `0`.
 *
 * @param argv - the arguments after `quality-gate`
 * @param env - the environment
 * @returns the snapshot to start from, or why the run starts the ordinary way
 * @throws QualityGateError `USAGE` when {@link SNAPSHOT_SWITCH_VARIABLE} is neither `0` nor `1`,
 *   or {@link SNAPSHOT_DIR_VARIABLE} is not an absolute path
 * @internal
 */
export function snapshotToStartFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SnapshotChoice {
  const value = env[SNAPSHOT_SWITCH_VARIABLE];
  if (value !== undefined && value !== "" && value !== "0" && value !== "1") {
    throw new QualityGateError(
      "USAGE",
      `${SNAPSHOT_SWITCH_VARIABLE}=${value} is not a switch; set it to 0 (off) or 1 (on).`,
    );
  }
  if (value === "0" || (argv[0] !== "check" && argv[0] !== "explain")) {
    return { skipped: undefined };
  }
  const verified = verifySnapshot(snapshotFiles(env));
  return typeof verified === "string" ? { skipped: verified } : verified;
}
