// Workspace discovery and entry points: which packages a repository has, and where their public
// API starts in source. The workspace read is a fixture, never this repository: scaffolding a
// package here must not change what these tests expect.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findEntryPoints } from "../../src/scorer/entry-points.js";
import { findPackages } from "../../src/scorer/find-packages.js";

const fixture = fileURLToPath(new URL("../fixtures/workspace", import.meta.url));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-packages-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe("findPackages", () => {
  it("reads pnpm-workspace.yaml and keeps the packages that have sources", () => {
    expect(findPackages(fixture)).toEqual([
      join(fixture, "packages/cache"),
      join(fixture, "packages/gate"),
    ]);
  });

  it("reads package.json workspaces, as an array or as { packages }", () => {
    write("package.json", JSON.stringify({ workspaces: ["libs/*"] }));
    write("libs/a/package.json", "{}");
    write("libs/a/src/index.ts", "");
    write("libs/b/package.json", "{}");
    write("libs/b/src/index.ts", "");
    expect(findPackages(dir)).toEqual([join(dir, "libs/a"), join(dir, "libs/b")]);
    write("package.json", JSON.stringify({ workspaces: { packages: ["libs/a"] } }));
    expect(findPackages(dir)).toEqual([join(dir, "libs/a")]);
  });

  it("treats a repository without workspaces, or with an unreadable package.json, as one package", () => {
    expect(findPackages(dir)).toEqual([dir]);
    write("package.json", "{ not json");
    expect(findPackages(dir)).toEqual([dir]);
  });

  it("ignores comments and negated globs in pnpm-workspace.yaml", () => {
    write(
      "pnpm-workspace.yaml",
      "packages:\n  # the libraries\n  - 'libs/*'\n  - \"!libs/skip\"\n",
    );
    write("libs/a/package.json", "{}");
    write("libs/a/src/index.ts", "");
    expect(findPackages(dir)).toEqual([join(dir, "libs/a")]);
  });
});

describe("findEntryPoints", () => {
  it("maps every exports target from dist back to src through the tsconfig", () => {
    const entry = findEntryPoints(join(fixture, "packages/cache"));
    expect(entry.name).toBe("@fixture/cache");
    expect(entry.entryFiles).toEqual([join(fixture, "packages/cache/src/index.ts")]);
    expect(entry.unresolved).toEqual([]);
  });

  it("falls back to src/index.ts when package.json declares no entry", () => {
    write("package.json", "{}");
    write("src/index.ts", "export const a = 1;");
    expect(findEntryPoints(dir).entryFiles).toEqual([join(dir, "src/index.ts")]);
  });

  it("names a package without a name after its directory, and survives a broken manifest", () => {
    write("package.json", "{ broken");
    expect(findEntryPoints(dir)).toMatchObject({ name: dir.split("/").pop(), entryFiles: [] });
  });

  it("accepts targets that already point at source, and reports those that lead nowhere", () => {
    write(
      "package.json",
      JSON.stringify({
        exports: { ".": "./lib/main.ts", "./x": "./lib/gone.js", "./css": "./a.css" },
      }),
    );
    write("lib/main.ts", "export const a = 1;");
    expect(findEntryPoints(dir)).toMatchObject({
      entryFiles: [join(dir, "lib/main.ts")],
      unresolved: ["./lib/gone.js"],
    });
  });
});
