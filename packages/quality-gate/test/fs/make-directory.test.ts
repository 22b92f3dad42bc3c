import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDirectory } from "../../src/fs/make-directory.js";

describe("makeDirectory", () => {
  const root = mkdtempSync(join(tmpdir(), "make-directory-"));

  it("creates a directory and its missing parents, with the mode asked for, and lists them", () => {
    const dir = join(root, "a", "b", "c");
    expect(makeDirectory(dir, 0o700)).toEqual([join(root, "a"), join(root, "a", "b"), dir]);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(join(root, "a")).mode & 0o777).toBe(0o700);
    expect(makeDirectory(dir)).toEqual([]);
  });

  it("fails with ENOTDIR when a file is in the way", () => {
    const file = join(root, "file");
    writeFileSync(file, "");
    expect(() => {
      makeDirectory(join(file, "below"));
    }).toThrow(expect.objectContaining({ code: "ENOTDIR" }) as Error);
    expect(() => {
      makeDirectory(file);
    }).toThrow(expect.objectContaining({ code: "ENOTDIR" }) as Error);
  });

  // Node's own recursive mkdir spins forever here (Node 20 and 24); this must fail at once.
  it.runIf(process.platform === "linux")("fails instead of spinning below /proc", () => {
    expect(() => {
      makeDirectory("/proc/quality-gate-none/below");
    }).toThrow(expect.objectContaining({ code: "ENOENT" }) as Error);
  });
});
