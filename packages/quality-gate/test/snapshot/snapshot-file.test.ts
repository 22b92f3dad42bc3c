// Which runs start from the snapshot, and where it lives.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { QualityGateError } from "../../src/errors.js";
import { snapshotFiles, snapshotToStartFrom } from "../../src/snapshot/snapshot-file.js";

/** An environment whose snapshot directory holds a snapshot for this Node and TypeScript. */
function withSnapshot(): Record<string, string> {
  const env = { QUALITY_GATE_SNAPSHOT_DIR: mkdtempSync(join(tmpdir(), "quality-gate-snap-")) };
  const { blob } = snapshotFiles(env);
  mkdirSync(dirname(blob), { recursive: true });
  writeFileSync(blob, "");
  return env;
}

describe("snapshotFiles", () => {
  it("keeps the snapshot in the directory the environment names", () => {
    const files = snapshotFiles({ QUALITY_GATE_SNAPSHOT_DIR: "/somewhere" });
    expect(dirname(files.blob)).toBe("/somewhere");
    expect(files.blob).toMatch(/\.blob$/);
    expect(files.optionSets).toBe(files.blob.replace(/\.blob$/, ".json"));
  });

  it("names it after this Node and TypeScript, the same on every call", () => {
    expect(snapshotFiles({}).blob).toBe(snapshotFiles({}).blob);
    expect(snapshotFiles({}).typescript).toMatch(/typescript[/\\]lib[/\\]typescript\.js$/);
  });
});

describe("snapshotToStartFrom", () => {
  it("starts check and explain from the snapshot once it exists", () => {
    const env = withSnapshot();
    expect(snapshotToStartFrom(["check", "."], env)).toBe(snapshotFiles(env).blob);
    expect(snapshotToStartFrom(["explain", "TtlCache"], env)).toBe(snapshotFiles(env).blob);
  });

  it("runs every other command the ordinary way: they build no Program", () => {
    const env = withSnapshot();
    for (const command of ["warm", "new", "init", "merge-reports", "--help"]) {
      expect(snapshotToStartFrom([command], env)).toBeUndefined();
    }
  });

  it("runs the ordinary way before the first warm", () => {
    const env = { QUALITY_GATE_SNAPSHOT_DIR: mkdtempSync(join(tmpdir(), "quality-gate-snap-")) };
    expect(snapshotToStartFrom(["check"], env)).toBeUndefined();
  });

  it("runs the ordinary way when QUALITY_GATE_SNAPSHOT=0", () => {
    const env = { ...withSnapshot(), QUALITY_GATE_SNAPSHOT: "0" };
    expect(snapshotToStartFrom(["check"], env)).toBeUndefined();
    expect(snapshotToStartFrom(["check"], { ...env, QUALITY_GATE_SNAPSHOT: "1" })).toBeDefined();
  });

  it("names the switch and its values when it is set to anything else", () => {
    const env = { ...withSnapshot(), QUALITY_GATE_SNAPSHOT: "yes" };
    expect(() => snapshotToStartFrom(["check"], env)).toThrow(QualityGateError);
    expect(() => snapshotToStartFrom(["check"], env)).toThrow(
      "QUALITY_GATE_SNAPSHOT=yes is not a switch; set it to 0 (off) or 1 (on).",
    );
  });
});
