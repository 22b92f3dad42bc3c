// `check --since REF` in real throwaway git repositories: only what changed since the merge base
// counts; old debt does not fail the gate, new code and edited signatures do, moves are not new.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { ENTRY, createTsRepo } from "../support/ts-repo.js";

let repo: GitRepo;

beforeEach(() => {
  repo = createTsRepo();
});
afterEach(() => {
  repo.remove();
});

async function since(...args: string[]): Promise<{ code: number; report: Report }> {
  const run = await runCli(["check", "--since", "main", "--format", "json", ...args], repo.root);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const documented = `/**
 * Adds two to a number, for the new feature.
 *
 * @param value - the number
 * @returns the number plus two
 * @example
 * \`\`\`ts
 * newThing(1); // 3
 * \`\`\`
 */
export function newThing(value: number): number {
  return value + 2;
}
`;

describe("check --since", { timeout: 60_000 }, () => {
  it("passes an undocumented export that existed before the ref", async () => {
    repo.write("src/new.ts", documented);
    repo.write("src/index.ts", `${ENTRY}export { newThing } from "./new.js";\n`);
    repo.commit("a documented feature");
    const full = await runCli(["check", "--only", "7", "--format", "json"], repo.root);
    expect(full.code).toBe(1);
    const { code, report } = await since("--only", "7");
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.gate).toEqual({ since: "main" });
    expect(report.rungs[7]?.status).toBe("passed");
  });

  it("fails a new undocumented export, and only for it", async () => {
    repo.write("src/new.ts", "export const fresh = (value: number): number => value;\n");
    repo.write("src/index.ts", `${ENTRY}export { fresh } from "./new.js";\n`);
    const { code, report } = await since("--only", "7");
    expect(code).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.symbol))).toEqual(new Set(["fresh"]));
  });

  it("fails a new export in a file with a non-ASCII, spaced name, whatever git's config", async () => {
    // Once: the path came back octal-quoted (or as w/…) and the file dropped out of scope.
    repo.git("config", "diff.mnemonicPrefix", "true");
    repo.git("config", "color.ui", "always");
    repo.write("src/frésh thing.ts", "export const fresh = (value: number): number => value;\n");
    repo.write("src/index.ts", `${ENTRY}export { fresh } from "./frésh thing.js";\n`);
    const { code, report } = await since("--only", "7");
    const found = new Set(
      report.findings.map((finding) => `${String(finding.symbol)} in ${finding.file}`),
    );
    expect(found).toEqual(new Set(["fresh in src/frésh thing.ts"]));
    expect(code).toBe(1);
  });

  it("counts an old symbol whose signature changed, not one whose body changed", async () => {
    repo.write(
      "src/old.ts",
      "export function oldThing(value: number): number {\n  return value + 5;\n}\n",
    );
    expect((await since("--only", "7")).code).toBe(0);
    repo.write(
      "src/old.ts",
      "export function oldThing(value: number, by = 1): number {\n  return value + by;\n}\n",
    );
    const { code, report } = await since("--only", "7");
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.symbol)).toContain("oldThing");
  });

  it("does not count the symbols of a moved file as new", async () => {
    repo.git("mv", "src/old.ts", "src/moved.ts");
    repo.write("src/index.ts", ENTRY.replace("./old.js", "./moved.js"));
    repo.commit("move");
    const { code, report } = await since("--only", "7");
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("counts compile errors on changed lines, not old ones elsewhere", async () => {
    repo.write("src/broken.ts", 'export const broken: number = "old";\n');
    repo.commit("old debt on main");
    repo.git("checkout", "--quiet", "main");
    repo.git("merge", "--quiet", "feature");
    repo.git("checkout", "--quiet", "feature");
    expect((await since("--only", "0")).code).toBe(0);
    repo.write("src/worse.ts", 'export const worse: number = "new";\n');
    const { code, report } = await since("--only", "0");
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(["src/worse.ts"]);
  });
});

describe("check --since, bad input", () => {
  it("refuses a ref that names nothing with one line and exit 2", async () => {
    const run = await runCli(["check", "--since", "origin/nope", "--only", "0"], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/origin\/nope/);
  });

  it("refuses a directory outside git with one line and exit 2", async () => {
    const outside = mkdtempSync(join(tmpdir(), "qg-nogit-"));
    try {
      writeFileSync(join(outside, "tsconfig.json"), "{}\n");
      const run = await runCli(["check", "--since", "main", "--only", "0"], outside);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
