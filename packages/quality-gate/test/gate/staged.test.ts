// `check --staged` in real throwaway git repositories: the full Program, the staged texts, and
// only the diagnostics of staged files and their importers.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { createTsRepo } from "../support/ts-repo.js";

let repo: GitRepo;

beforeEach(() => {
  repo = createTsRepo();
  repo.write(
    "src/shared.ts",
    "export function double(value: string): string {\n  return value;\n}\n",
  );
  repo.write(
    "src/uses-shared.ts",
    'import { double } from "./shared.js";\n\nexport const result: string = double("2");\n',
  );
  repo.write("src/unrelated.ts", "export const wrong: string = 42;\n");
  repo.commit("an old error in an unrelated file");
});
afterEach(() => {
  repo.remove();
});

async function staged(): Promise<{ code: number; report: Report }> {
  const run = await runCli(["check", "--staged", "--only", "0", "--format", "json"], repo.root);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe("check --staged", { timeout: 60_000 }, () => {
  it("reports an unstaged importer broken by a staged change, not an unrelated file's old error", async () => {
    repo.write(
      "src/shared.ts",
      "export function double(value: number): number {\n  return value * 2;\n}\n",
    );
    repo.git("add", "src/shared.ts");
    const { code, report } = await staged();
    expect(code).toBe(1);
    expect(report.findings.map((finding) => `${finding.file}:${finding.ruleId}`)).toEqual([
      "src/uses-shared.ts:typescript/TS2322",
      "src/uses-shared.ts:typescript/TS2345",
    ]);
    expect(report.gate).toEqual({ staged: true });
  });

  it("reports an importer of a file whose deletion is staged", async () => {
    repo.git("rm", "--quiet", "src/shared.ts");
    const { code, report } = await staged();
    expect(code).toBe(1);
    expect(report.findings.map((finding) => `${finding.file}:${finding.ruleId}`)).toEqual([
      "src/uses-shared.ts:typescript/TS2307",
    ]);
  });

  it("checks the staged text of a file, not its unstaged edits", async () => {
    repo.write(
      "src/shared.ts",
      "export function double(value: string): string {\n  return `${value}${value}`;\n}\n",
    );
    repo.git("add", "src/shared.ts");
    repo.write(
      "src/shared.ts",
      "export function double(value: string): string {\n  return 1;\n}\n",
    );
    const { code, report } = await staged();
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("refuses a directory outside git with one line and exit 2", async () => {
    const outside = mkdtempSync(join(tmpdir(), "qg-nogit-"));
    try {
      writeFileSync(join(outside, "tsconfig.json"), "{}\n");
      const run = await runCli(["check", "--staged", "--only", "0"], outside);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("refuses --staged with --since", async () => {
    const run = await runCli(["check", "--staged", "--since", "main"], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give one of them/);
  });
});
