import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAllOrNothing } from "../../src/scaffold/write-files.js";
import { tempRepo } from "../support/temp-repo.js";

describe("writeAllOrNothing", () => {
  it("takes back what it moved, and restores what it replaced, when a later move fails", () => {
    const root = tempRepo({ "keep.ts": "original\n", blocker: "a file, not a folder\n" });
    const files = [
      { path: join(root, "new.ts"), content: "new\n", action: "create" as const },
      { path: join(root, "keep.ts"), content: "replaced\n", action: "update" as const },
      // Its parent is a file: creating the folder fails after two files were moved.
      { path: join(root, "blocker", "x.ts"), content: "x\n", action: "create" as const },
    ];
    expect(() => writeAllOrNothing(root, files, false)).toThrow(
      /^Cannot write blocker\/x\.ts \(ENOTDIR: not a directory\)/,
    );
    expect(() => writeAllOrNothing(root, files, false)).toThrow(
      expect.objectContaining({ code: "FILE_UNWRITABLE" }),
    );
    expect(existsSync(join(root, "new.ts"))).toBe(false);
    expect(readFileSync(join(root, "keep.ts"), "utf8")).toBe("original\n");
    expect(readdirSync(root).filter((name) => name.startsWith(".quality-gate-new-"))).toEqual([]);
  });

  it("removes the folders it created for files it took back", () => {
    const root = tempRepo({ blocker: "a file, not a folder\n" });
    const files = [
      { path: join(root, "a", "b", "new.ts"), content: "new\n", action: "create" as const },
      { path: join(root, "blocker", "x.ts"), content: "x\n", action: "create" as const },
    ];
    expect(() => writeAllOrNothing(root, files, false)).toThrow(/Cannot write blocker\/x\.ts/);
    expect(readdirSync(root).sort()).toEqual([".git", "blocker"]);
  });

  it("creates missing folders and returns the paths it wrote", () => {
    const root = tempRepo({});
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src", "index.ts"), "");
    const written = writeAllOrNothing(
      root,
      [{ path: join(root, "a", "b", "c.ts"), content: "c\n", action: "create" }],
      false,
    );
    expect(written).toEqual(["a/b/c.ts"]);
    expect(readFileSync(join(root, "a", "b", "c.ts"), "utf8")).toBe("c\n");
  });
});
