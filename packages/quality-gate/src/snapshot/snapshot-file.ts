/**
 * Where the start-up snapshot lives, and whether a run starts from it. bin/quality-gate.js loads
 * this before anything else, so it imports only Node's own modules and small leaf modules of ours
 * (the error type and two helpers).
 *
 * @internal
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { QualityGateError } from "../errors.js";
import { fileStamp } from "../file-stamp.js";
import { userTempDir } from "../user-temp-dir.js";

const require = createRequire(import.meta.url);

/**
 * The environment variable that turns the snapshot off (`0`) or on (`1`, the default).
 *
 * @internal
 */
export const SNAPSHOT_SWITCH_VARIABLE = "QUALITY_GATE_SNAPSHOT";

/**
 * The environment variable naming the snapshot's directory (default: one per user in the
 * system's temporary directory).
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
  /** The snapshot itself. */
  readonly blob: string;
  /** The compiler options it holds lib files for, as JSON. */
  readonly optionSets: string;
  /** `typescript.js`, evaluated into the snapshot. */
  readonly typescript: string;
  /** The script `node --build-snapshot` runs (bin/snapshot-builder.cjs). */
  readonly builder: string;
  /** The CLI module a snapshot-started process loads. */
  readonly cli: string;
}

/**
 * Locates the snapshot of this Node, this TypeScript and this quality-gate. Its name changes with
 * any of them (an upgrade leaves the old file unused; it is never read by the wrong versions,
 * which Node would refuse anyway).
 *
 * @param env - the environment (for {@link SNAPSHOT_DIR_VARIABLE})
 * @returns the snapshot's files
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
  const dir = env[SNAPSHOT_DIR_VARIABLE] ?? userTempDir("quality-gate-snapshot");
  const key = createHash("sha256")
    .update([process.version, process.versions.v8, process.execPath].join("\0"))
    .update(baked.map((file) => `${file}\0${fileStamp(file)}`).join("\0"))
    .digest("hex")
    .slice(0, 32);
  return {
    blob: join(dir, `${key}.blob`),
    optionSets: join(dir, `${key}.json`),
    typescript,
    builder,
    cli,
  };
}

/**
 * Decides whether this run starts from the snapshot: only `check` and `explain` build a Program,
 * only when the snapshot exists, and not when {@link SNAPSHOT_SWITCH_VARIABLE} is `0`.
 *
 * @param argv - the arguments after `quality-gate`
 * @param env - the environment
 * @returns the snapshot's path, or `undefined` to run the ordinary way
 * @throws QualityGateError `USAGE` when {@link SNAPSHOT_SWITCH_VARIABLE} is neither `0` nor `1`
 * @internal
 */
export function snapshotToStartFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const value = env[SNAPSHOT_SWITCH_VARIABLE];
  if (value !== undefined && value !== "" && value !== "0" && value !== "1") {
    throw new QualityGateError(
      "USAGE",
      `${SNAPSHOT_SWITCH_VARIABLE}=${value} is not a switch; set it to 0 (off) or 1 (on).`,
    );
  }
  if (value === "0" || (argv[0] !== "check" && argv[0] !== "explain")) return undefined;
  const { blob } = snapshotFiles(env);
  return existsSync(blob) ? blob : undefined;
}
