// Which runs start from the snapshot, where it lives, and which snapshots are refused: Node
// executes a snapshot as code, so only this user's own, unchanged blob in a private directory runs.
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { QualityGateError } from "../../src/errors.js";
import { snapshotFiles, snapshotToStartFrom } from "../../src/snapshot/snapshot-file.js";
import type { SnapshotManifest } from "../../src/snapshot/snapshot-file.js";

const isRoot = process.getuid?.() === 0;
/** `nobody` on Debian: a user other than this one, for the tests that hand files to another user. */
const OTHER_USER = 65_534;

/** Writes a blob and the manifest `warm` would write for it. */
function plant(
  dir: string,
  content = "a snapshot",
): { env: Record<string, string>; blob: string } {
  const env = { QUALITY_GATE_SNAPSHOT_DIR: dir };
  const files = snapshotFiles(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.blob, content, { mode: 0o600 });
  const stats = statSync(files.blob);
  const manifest: SnapshotManifest = {
    version: 2,
    libSets: [],
    blob: {
      bytes: stats.size,
      sha256: createHash("sha256").update(content).digest("hex"),
      ino: stats.ino,
      ctimeMs: stats.ctimeMs,
    },
  };
  writeFileSync(files.manifest, JSON.stringify(manifest), { mode: 0o600 });
  return { env, blob: realpathSync(files.blob) };
}

function privateDir(): string {
  return join(mkdtempSync(join(tmpdir(), "quality-gate-snap-")), "snapshot");
}

function skipped(env: Record<string, string>): string | undefined {
  const choice = snapshotToStartFrom(["check"], env);
  expect(choice.blob).toBeUndefined();
  return choice.skipped;
}

describe("snapshotFiles", () => {
  it("keeps the snapshot in the directory the environment names", () => {
    const files = snapshotFiles({ QUALITY_GATE_SNAPSHOT_DIR: "/somewhere" });
    expect(dirname(files.blob)).toBe("/somewhere");
    expect(files.blob).toMatch(/\.blob$/);
    expect(files.manifest).toBe(files.blob.replace(/\.blob$/, ".json"));
  });

  it("keeps it in the user's cache folder by default, never in the shared temporary directory", () => {
    expect(snapshotFiles({ HOME: "/home/ada" }).dir).toBe(
      "/home/ada/.cache/quality-gate/snapshot",
    );
    expect(snapshotFiles({ XDG_CACHE_HOME: "/xdg" }).dir).toBe("/xdg/quality-gate/snapshot");
  });

  it("names it after this Node and TypeScript, the same on every call", () => {
    expect(snapshotFiles({}).blob).toBe(snapshotFiles({}).blob);
    expect(snapshotFiles({}).typescript).toMatch(/typescript[/\\]lib[/\\]typescript\.js$/);
  });

  it("refuses a relative snapshot directory, which would depend on where the gate runs", () => {
    expect(() => snapshotFiles({ QUALITY_GATE_SNAPSHOT_DIR: "snaps" })).toThrow(
      "QUALITY_GATE_SNAPSHOT_DIR=snaps is not an absolute path; set it to an absolute directory.",
    );
  });
});

describe("snapshotToStartFrom", () => {
  it("starts check and explain from a verified snapshot", () => {
    const { env, blob } = plant(privateDir());
    expect(snapshotToStartFrom(["check", "."], env)).toEqual({ blob });
    expect(snapshotToStartFrom(["explain", "TtlCache"], env)).toEqual({ blob });
  });

  it("runs every other command the ordinary way, without a word: they build no Program", () => {
    const { env } = plant(privateDir());
    for (const command of ["warm", "new", "init", "merge-reports", "--help"]) {
      expect(snapshotToStartFrom([command], env)).toEqual({ skipped: undefined });
    }
  });

  it("runs the ordinary way before the first warm, and says the snapshot does not exist", () => {
    expect(skipped({ QUALITY_GATE_SNAPSHOT_DIR: privateDir() })).toMatch(/does not exist$/);
  });

  it("runs the ordinary way when QUALITY_GATE_SNAPSHOT=0", () => {
    const { env } = plant(privateDir());
    expect(snapshotToStartFrom(["check"], { ...env, QUALITY_GATE_SNAPSHOT: "0" })).toEqual({
      skipped: undefined,
    });
    expect(
      snapshotToStartFrom(["check"], { ...env, QUALITY_GATE_SNAPSHOT: "1" }).blob,
    ).toBeDefined();
  });

  it("names the switch and its values when it is set to anything else", () => {
    const env = { ...plant(privateDir()).env, QUALITY_GATE_SNAPSHOT: "yes" };
    expect(() => snapshotToStartFrom(["check"], env)).toThrow(QualityGateError);
    expect(() => snapshotToStartFrom(["check"], env)).toThrow(
      "QUALITY_GATE_SNAPSHOT=yes is not a switch; set it to 0 (off) or 1 (on).",
    );
  });
});

describe("snapshotToStartFrom refuses a snapshot another user could have written", () => {
  it("refuses a directory other users can write", () => {
    const dir = privateDir();
    const { env } = plant(dir);
    chmodSync(dir, 0o777);
    expect(skipped(env)).toMatch(/snapshot is writable by other users \(mode 777\)$/);
  });

  it("refuses a directory below one others can write that is not sticky like /tmp", () => {
    const open = mkdtempSync(join(tmpdir(), "quality-gate-open-"));
    const { env } = plant(join(open, "snapshot"));
    chmodSync(open, 0o777);
    expect(skipped(env)).toBe(`${realpathSync(open)} is writable by other users (mode 777)`);
    chmodSync(open, 0o1777);
    expect(snapshotToStartFrom(["check"], env).blob).toBeDefined();
  });

  it("refuses a blob others can write, or a link in place of the blob", () => {
    const dir = privateDir();
    const { env, blob } = plant(dir);
    chmodSync(blob, 0o666);
    expect(skipped(env)).toBe(`${blob} is writable by other users (mode 666)`);
    chmodSync(blob, 0o600);
    const elsewhere = join(dirname(dir), "elsewhere.blob");
    writeFileSync(elsewhere, readFileSync(blob));
    const linked = plant(privateDir());
    rmSync(linked.blob);
    symlinkSync(elsewhere, linked.blob);
    expect(skipped(linked.env)).toBe(`${linked.blob} is not a regular file`);
  });

  it.runIf(isRoot)("refuses a directory or a blob that belongs to another user", () => {
    const dir = privateDir();
    const { env, blob } = plant(dir);
    chownSync(blob, OTHER_USER, OTHER_USER);
    expect(skipped(env)).toBe(
      `${blob} belongs to user ${String(OTHER_USER)}, not to this user (0)`,
    );
    chownSync(blob, 0, 0);
    chownSync(dir, OTHER_USER, OTHER_USER);
    expect(skipped(env)).toBe(
      `${realpathSync(dir)} belongs to user ${String(OTHER_USER)}, not to this user (0)`,
    );
  });
});

describe("snapshotToStartFrom refuses a damaged snapshot (Node would crash natively on it)", () => {
  it("refuses a truncated blob", () => {
    const { env, blob } = plant(privateDir(), "a snapshot of some length");
    truncateSync(blob, 5);
    expect(skipped(env)).toBe(`${blob} has 5 bytes, not the 25 it was built with`);
  });

  it("refuses garbage of the same size written over it", () => {
    const { env, blob } = plant(privateDir(), "a snapshot");
    writeFileSync(blob, "garbage!!!");
    expect(skipped(env)).toBe(`${blob} changed since it was built`);
  });

  it("accepts the same bytes written again (the hash decides once the file was touched)", () => {
    const { env, blob } = plant(privateDir(), "a snapshot");
    writeFileSync(blob, "a snapshot");
    expect(snapshotToStartFrom(["check"], env)).toEqual({ blob });
  });

  it("refuses a missing or damaged manifest", () => {
    const dir = privateDir();
    const { env } = plant(dir);
    const { manifest } = snapshotFiles(env);
    writeFileSync(manifest, "{ not json");
    expect(skipped(env)).toBe(
      `${realpathSync(manifest)} is not a snapshot manifest of this version`,
    );
    writeFileSync(manifest, JSON.stringify([{ key: "an old manifest: lib sets only" }]));
    expect(skipped(env)).toMatch(/is not a snapshot manifest of this version$/);
  });
});
