// Ctrl-C during a run removes the run's temporary folders and ends the process by the signal,
// as a shell expects; it used to leave a quality-gate-coverage-* folder behind every time.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));
const fixture = fileURLToPath(new URL("../fixtures/clean", import.meta.url));
const snapshotDir = mkdtempSync(join(tmpdir(), "quality-gate-interrupt-snapshot-"));

/** Runs rung 3 on the clean fixture and interrupts it once its coverage folder exists. */
async function interrupt(signal: NodeJS.Signals, snapshot: "0" | "1") {
  const temp = mkdtempSync(join(tmpdir(), "quality-gate-interrupt-"));
  const env = {
    ...process.env,
    TMPDIR: temp,
    QUALITY_GATE_SNAPSHOT: snapshot,
    QUALITY_GATE_SNAPSHOT_DIR: snapshotDir,
  };
  const args = [bin, "check", "--only", "3", "--format", "json", fixture];
  const child = spawn(process.execPath, args, { env, stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.on("exit", (_code, how) => {
      resolve(how);
    });
  });
  // The moment it would be left behind: rung 3 has made its coverage folder.
  await new Promise<void>((resolve) => {
    const watcher = watch(temp, () => {
      if (readdirSync(temp).some((name) => name.startsWith("quality-gate-coverage-"))) {
        watcher.close();
        resolve();
      }
    });
  });
  child.kill(signal);
  return {
    how: await exited,
    left: readdirSync(temp).filter((name) => name.startsWith("quality-gate-")),
  };
}

describe.runIf(process.platform !== "win32")("an interrupted check", { timeout: 120_000 }, () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "removes its temporary folders on %s",
    async (signal) => {
      expect(await interrupt(signal, "0")).toEqual({ how: signal, left: [] });
    },
  );

  it("does the same when it started from the snapshot (the signal reaches the child)", async () => {
    spawnSync(process.execPath, [bin, "warm", fixture], {
      env: { ...process.env, QUALITY_GATE_SNAPSHOT_DIR: snapshotDir },
    });
    expect(await interrupt("SIGINT", "1")).toEqual({ how: "SIGINT", left: [] });
  });
});
