// The attack of the hardening issue, end to end through the real bin: another local user builds a
// start-up snapshot from their own script and plants it, with a correct manifest, where the gate
// would look for one. The next `check` must not run it. The control (the same snapshot in a
// directory of this user's) shows the planted code would run if the checks let it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type * as SnapshotFile from "../../src/snapshot/snapshot-file.js";

const bin = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/clean", import.meta.url));
const isRoot = process.getuid?.() === 0;
// The built module, as the bin loads it: the snapshot's name is keyed by the built files.
const { snapshotFiles } = (await import(
  new URL("../../dist/snapshot/snapshot-file.js", import.meta.url).href
)) as typeof SnapshotFile;

/** The attacker's snapshot: its main writes a marker file, then exits 0 with nothing printed. */
function attackerSnapshot(work: string, marker: string): Buffer {
  const script = join(work, "attacker.cjs");
  writeFileSync(
    script,
    `require("v8").startupSnapshot.setDeserializeMainFunction(() => {
       require("fs").writeFileSync(${JSON.stringify(marker)}, "ran as " + process.getuid());
     });`,
  );
  const blob = join(work, "attacker.blob");
  const built = spawnSync(process.execPath, [
    "--snapshot-blob",
    blob,
    "--build-snapshot",
    script,
  ]);
  if (built.status !== 0)
    throw new Error(`could not build the attacker's snapshot: ${String(built.stderr)}`);
  return readFileSync(blob);
}

/** Plants the snapshot and a manifest that matches it where the gate looks, as its key says. */
function plant(dir: string, snapshot: Buffer): Record<string, string> {
  const env = { QUALITY_GATE_SNAPSHOT_DIR: dir };
  const files = snapshotFiles(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.blob, snapshot, { mode: 0o600 });
  const stats = statSync(files.blob);
  const blob = {
    bytes: stats.size,
    sha256: createHash("sha256").update(snapshot).digest("hex"),
    ino: stats.ino,
    ctimeMs: stats.ctimeMs,
  };
  writeFileSync(files.manifest, JSON.stringify({ version: 2, libSets: [], blob }), {
    mode: 0o600,
  });
  return env;
}

function check(env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [bin, "check", "--only", "6", "--format", "json", "--debug", fixture],
    {
      encoding: "utf8",
      env: { ...process.env, ...env },
    },
  );
}

describe("a planted start-up snapshot", { timeout: 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "quality-gate-planted-"));
  const marker = join(work, "marker");
  const snapshot = attackerSnapshot(work, marker);

  it("runs when it is this user's own (the control: the checks below are what stop it)", () => {
    const run = check(plant(join(work, "mine"), snapshot));
    expect(existsSync(marker)).toBe(true);
    expect(run.stdout).toBe("");
  });

  it("does not run from a directory other users can write; the check runs cold and says why", () => {
    const dir = join(work, "open");
    const env = plant(dir, snapshot);
    chmodSync(dir, 0o777);
    rmMarker();
    const run = check(env);
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("not starting from the start-up snapshot:");
    expect(run.stderr).toContain("is writable by other users (mode 777)");
    expect((JSON.parse(run.stdout) as { passed: boolean }).passed).toBe(true);
  });

  it.runIf(isRoot)("does not run when another user owns it, even as root", () => {
    const dir = join(work, "theirs");
    const env = plant(dir, snapshot);
    const files = snapshotFiles(env);
    for (const path of [dir, files.blob, files.manifest]) chownSync(path, 65_534, 65_534);
    rmMarker();
    const run = check(env);
    expect(existsSync(marker)).toBe(false);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("belongs to user 65534, not to this user (0)");
  });

  function rmMarker(): void {
    rmSync(marker, { force: true });
  }
});
