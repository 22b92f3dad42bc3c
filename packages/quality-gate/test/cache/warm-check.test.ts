// A warm `check` reuses per-file results from node_modules/.cache/quality-gate, re-checks an
// edited file, and gives the same report as a cold one; --no-cache writes nothing; a repository
// without node_modules gains no folder at all.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { createTsRepo } from "../support/ts-repo.js";

let repo: GitRepo;
const cacheDir = (): string => join(repo.root, "node_modules", ".cache", "quality-gate");

let userCache: string;

beforeEach(() => {
  repo = createTsRepo();
  repo.write("src/ugly.ts", "export const  ugly =   1;\n");
  mkdirSync(join(repo.root, "node_modules"));
  userCache = mkdtempSync(join(tmpdir(), "quality-gate-xdg-"));
});
afterEach(() => {
  repo.remove();
});

async function check(...args: string[]): Promise<Report> {
  const run = await runCli(["check", "--only", "1,2,5", "--format", "json", ...args], repo.root, {
    XDG_CACHE_HOME: userCache,
  });
  return JSON.parse(run.stdout) as Report;
}

describe("the incremental cache", { timeout: 120_000 }, () => {
  it("gives a warm run the cold run's report and re-checks an edited file", async () => {
    const cold = await check();
    expect(existsSync(join(cacheDir(), "prettier.json"))).toBe(true);
    expect(existsSync(join(cacheDir(), "eslint.json"))).toBe(true);
    expect(existsSync(join(cacheDir(), "security-eslint.json"))).toBe(true);
    const warm = await check();
    expect(warm.findings).toEqual(cold.findings);
    expect(cold.findings.map((finding) => finding.file)).toContain("src/ugly.ts");

    // The cache answers for unchanged files: a planted answer is believed…
    const file = join(cacheDir(), "prettier.json");
    const stored = JSON.parse(readFileSync(file, "utf8")) as {
      entries: Record<string, { key: string; value: number | null }>;
    };
    const ugly = stored.entries[join(repo.root, "src/ugly.ts")];
    if (ugly !== undefined) ugly.value = 7;
    writeFileSync(file, JSON.stringify(stored));
    const planted = await check();
    expect(planted.findings.find((finding) => finding.file === "src/ugly.ts")?.line).toBe(7);

    // …until the file changes.
    repo.write("src/ugly.ts", "export const ugly = 1;\n");
    const edited = await check();
    expect(edited.findings.filter((finding) => finding.rung === 1)).toEqual([]);
  });

  it("--no-cache neither reads nor writes it", async () => {
    await check("--no-cache");
    expect(existsSync(cacheDir())).toBe(false);
  });

  it("adds no folder to a repository without node_modules: the cache goes to the user's", async () => {
    rmSync(join(repo.root, "node_modules"), { recursive: true });
    const cold = await check();
    expect(repo.git("status", "--porcelain", "--untracked-files=all")).not.toContain(
      "node_modules",
    );
    expect(existsSync(join(repo.root, "node_modules"))).toBe(false);
    const kept = join(userCache, "quality-gate", "repositories");
    const [id = ""] = readdirSync(kept);
    expect(readdirSync(join(kept, id)).sort()).toEqual(
      ["eslint.json", "prettier.json", "security-eslint.json"].sort(),
    );
    expect((await check()).findings).toEqual(cold.findings);
  });
});
