// `quality-gate warm`, then check through the real bin (built dist): the run starts from the
// snapshot and reports exactly what an ordinary run reports, the tests rung (Vitest's forked
// workers) included.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { runFromSnapshot } from "../../src/snapshot/start-from-snapshot.js";
import { runCli } from "../support/run-cli.js";
import { tempRepo } from "../support/temp-repo.js";

const bin = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));
const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const snapshotDir = mkdtempSync(join(tmpdir(), "quality-gate-warm-"));
const env = { ...process.env, CI: "", QUALITY_GATE_SNAPSHOT_DIR: snapshotDir };

function quality(args: readonly string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: fixtures,
    encoding: "utf8",
    env: { ...env, ...extraEnv },
  });
}

/** The report without its timings, which differ from run to run. */
function untimed(json: string): Report {
  const report = JSON.parse(json) as Report;
  return {
    ...report,
    rungs: report.rungs.map((rung) => ({ ...rung, durationMs: 0, startedAtMs: 0 })),
  };
}

/** The snapshot file: the only one in its directory (named by the built CLI's versions). */
function blob(): string | undefined {
  const name = readdirSync(snapshotDir).find((file) => file.endsWith(".blob"));
  return name && join(snapshotDir, name);
}

/** The lib sets the snapshot holds, by their target. */
function heldTargets(): unknown[] {
  const manifest = (blob() ?? "").replace(/\.blob$/, ".json");
  const { libSets } = JSON.parse(readFileSync(manifest, "utf8")) as {
    libSets: { options: { target: unknown } }[];
  };
  return libSets.map((set) => set.options.target);
}

describe("quality-gate warm", { timeout: 120_000 }, () => {
  it("builds the snapshot for a repository's options, once per set of options", () => {
    const first = quality(["warm", "clean"]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^Start-up snapshot ready: .+\.blob \(\d+ MB, lib files for 1 set of/,
    );
    expect(first.stdout).toContain(blob());
    const es2020 = tempRepo({
      "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2020", strict: true } }),
      "src/index.ts": "export const one = 1;\n",
    });
    expect(quality(["warm", es2020]).status).toBe(0);
    expect(heldTargets()).toEqual([7, 9]); // ES2020, then ES2022: the newest first
    expect(quality(["warm", "broken-compile"]).stdout).toMatch(/lib files for 2 sets of/);
    expect(heldTargets()).toEqual([9, 7]);
  });

  it("makes check start from the snapshot and report what an ordinary run reports", () => {
    if (blob() === undefined) quality(["warm", "clean"]);
    const args = ["check", "clean", "--only", "0,3,4,7", "--format", "json", "--debug"];
    const started = quality(args);
    const ordinary = quality(args, { QUALITY_GATE_SNAPSHOT: "0" });
    expect(started.stderr).toContain(
      `quality-gate: started from the start-up snapshot ${blob() ?? "(none)"}\n`,
    );
    expect(ordinary.stderr).not.toContain("start-up snapshot");
    expect(started.status).toBe(ordinary.status);
    expect(untimed(started.stdout)).toEqual(untimed(ordinary.stdout));
    expect(untimed(started.stdout).rungs[3]?.status).toBe("passed");
  });

  it("refuses a switch that is neither 0 nor 1, naming both", () => {
    const run = quality(["check", "clean"], { QUALITY_GATE_SNAPSHOT: "yes" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "quality-gate: QUALITY_GATE_SNAPSHOT=yes is not a switch; set it to 0 (off) or 1 (on). [USAGE]\n",
    );
  });

  it("says what is missing when the folder has no tsconfig.json", async () => {
    const bare = tempRepo({ "package.json": "{}\n" });
    const run = await runCli(["warm", bare], fixtures, {
      QUALITY_GATE_SNAPSHOT_DIR: snapshotDir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no tsconfig\.json.*\[NO_TSCONFIG\]/);
  });

  it("says where the snapshot could not go, and how to choose another place", async () => {
    const notADirectory = join(tempRepo({ "file.txt": "" }), "file.txt");
    const run = await runCli(["warm", "clean"], fixtures, {
      QUALITY_GATE_SNAPSHOT_DIR: notADirectory,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `cannot keep the start-up snapshot in ${notADirectory}: ${notADirectory} cannot be created (ENOTDIR`,
    );
    expect(run.stderr).toMatch(
      /Set QUALITY_GATE_SNAPSHOT_DIR to a directory only you can write; checks still run, without a snapshot\. \[SNAPSHOT_FAILED\]\n$/,
    );
  });

  it("hands back the exit code of the run it started from the snapshot", async () => {
    if (blob() === undefined) quality(["warm", "clean"]);
    const snapshot = blob() ?? "";
    const only = ["--only", "0", "--format", "json"];
    expect(
      await runFromSnapshot(snapshot, ["check", join(fixtures, "clean"), ...only], "ignore"),
    ).toBe(0);
    expect(
      await runFromSnapshot(
        snapshot,
        ["check", join(fixtures, "broken-compile"), ...only],
        "ignore",
      ),
    ).toBe(1);
    expect(await runFromSnapshot(snapshot, ["check", join(fixtures, "none")], "ignore")).toBe(2);
  });
});
