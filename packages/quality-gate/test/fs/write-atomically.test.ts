import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomically } from "../../src/fs/write-atomically.js";

describe("writeAtomically", () => {
  it("replaces a file's content and leaves no temporary file beside it", () => {
    const dir = mkdtempSync(join(tmpdir(), "write-atomically-"));
    const file = join(dir, "report.json");
    writeFileSync(file, "old");
    writeAtomically(file, "new", 0o600);
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("throws and leaves no temporary file when the target cannot be replaced", () => {
    const dir = mkdtempSync(join(tmpdir(), "write-atomically-"));
    mkdirSync(join(dir, "a-directory"));
    expect(() => {
      writeAtomically(join(dir, "a-directory"), "text");
    }).toThrow(expect.objectContaining({ code: "EISDIR" }) as Error);
    expect(readdirSync(dir)).toEqual(["a-directory"]);
  });
});
