// The incremental cache is only an optimisation: hits by key, misses on any change, and a missing,
// corrupt or unwritable cache never fails a run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, openResultCache } from "../../src/cache/result-cache.js";

let dir: string;
let source: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-cache-"));
  source = join(dir, "a.ts");
  writeFileSync(source, "export const a = 1;\n");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("openResultCache", () => {
  it("returns a saved result for the same key only", () => {
    const key = cacheKey("3.0.0", "{}", "export const a = 1;\n");
    const cache = openResultCache<number | null>(join(dir, "cache"), "prettier");
    expect(cache.get(source, key)).toBeUndefined();
    cache.set(source, key, 4);
    cache.save();
    const reopened = openResultCache<number | null>(join(dir, "cache"), "prettier");
    expect(reopened.get(source, key)).toBe(4);
    expect(
      reopened.get(source, cacheKey("3.0.1", "{}", "export const a = 1;\n")),
    ).toBeUndefined();
  });

  it("drops the entries of deleted files when it saves", () => {
    const cache = openResultCache<null>(join(dir, "cache"), "tool");
    cache.set(source, "k", null);
    cache.set(join(dir, "gone.ts"), "k", null);
    cache.save();
    const saved = JSON.parse(readFileSync(join(dir, "cache", "tool.json"), "utf8")) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(saved.entries)).toEqual([source]);
  });

  it("treats a corrupt cache as empty and an unwritable one as absent", () => {
    writeFileSync(join(dir, "tool.json"), "{ not json");
    const cache = openResultCache<null>(dir, "tool");
    expect(cache.get(source, "k")).toBeUndefined();
    const blocked = openResultCache<null>(join(source, "under-a-file"), "tool");
    blocked.set(source, "k", null);
    expect(() => {
      blocked.save();
    }).not.toThrow();
  });

  it("without a folder, keeps results for this run only and writes nothing", () => {
    const cache = openResultCache<null>(undefined, "tool");
    cache.set(source, "k", null);
    cache.save();
    expect(cache.get(source, "k")).toBeNull();
    expect(existsSync(join(dir, "tool.json"))).toBe(false);
  });
});
