// A warm `check` reuses per-file results from node_modules/.cache/quality-gate, re-checks an
// edited file, and gives the same report as a cold one; --no-cache writes nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { createTsRepo } from "../support/ts-repo.js";

let repo: GitRepo;
const cacheDir = (): string => join(repo.root, "node_modules", ".cache", "quality-gate");

beforeEach(() => {
  repo = createTsRepo();
  repo.write("src/ugly.ts", "export const  ugly =   1;\n");
});
afterEach(() => {
  repo.remove();
});

async function check(...args: string[]): Promise<Report> {
  const run = await runCli(["check", "--only", "1,2,5", "--format", "json", ...args], repo.root);
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
});
