// `check --shard i/n` and `merge-reports` on a real repository: the shards' reports, merged, are
// the unsharded report (durations aside), with the same exit code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { ENTRY, createTsRepo } from "../support/ts-repo.js";
import { RUNGS as LADDER } from "../../src/ladder/rungs.js";

let repo: GitRepo;

beforeEach(() => {
  repo = createTsRepo();
  repo.write("src/a.ts", 'export const a: number = "not a number";\n');
  repo.write("src/b.ts", "/** B, badly formatted. */\nexport const  b =   1;\n");
  repo.write("src/c.ts", "export function c(): number {\n  const unused = 1;\n  return 2;\n}\n");
  repo.write(
    "src/index.ts",
    `${ENTRY}export { a } from "./a.js";\nexport { b } from "./b.js";\nexport { c } from "./c.js";\n`,
  );
});
afterEach(() => {
  repo.remove();
});

const RUNGS = ["--only", "0,1,2,4,7"];

/** The report without timings, which differ from run to run. */
function timeless(report: Report): Report {
  return {
    ...report,
    rungs: report.rungs.map((rung) => ({ ...rung, durationMs: 0, startedAtMs: 0 })),
  };
}

function readReport(path: string): Report {
  return JSON.parse(readFileSync(join(repo.root, path), "utf8")) as Report;
}

describe("check --shard and merge-reports", { timeout: 180_000 }, () => {
  it("merges shard reports into the unsharded report, with its exit code", async () => {
    const full = await runCli(["check", ...RUNGS, "--format", "json"], repo.root);
    const shards = [];
    for (const shard of ["1/2", "2/2"]) {
      const dir = `shard-${shard[0] ?? ""}`;
      await runCli(
        ["check", ...RUNGS, "--shard", shard, "--format", "json", "--output-dir", dir],
        repo.root,
      );
      shards.push(`${dir}/quality-gate.json`);
    }
    expect(shards.map((path) => readReport(path).findings.length).every((n) => n > 0)).toBe(true);
    expect(readReport(shards[1] ?? "").gate).toEqual({
      shard: "2/2",
      repository: "pkg",
      commit: repo.git("rev-parse", "HEAD").trim(),
    });
    const merged = await runCli(
      ["merge-reports", ...shards.reverse(), "--format", "json"],
      repo.root,
    );
    const unsharded = JSON.parse(full.stdout) as Report;
    expect(unsharded.findings.map((finding) => finding.rung)).toEqual(
      expect.arrayContaining([0, 1, 2, 7]),
    );
    expect(timeless(JSON.parse(merged.stdout) as Report)).toEqual(timeless(unsharded));
    expect(merged.code).toBe(full.code);
    expect(full.code).toBe(1);
  });
});

describe("sharding, bad input", () => {
  it("refuses --shard 3/2 with one line and exit 2", async () => {
    const run = await runCli(["check", "--shard", "3/2"], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/--shard 3\/2/)]);
  });

  it("refuses --shard with --since", async () => {
    const run = await runCli(["check", "--shard", "1/2", "--since", "main"], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give one of them/);
  });

  it("refuses to merge an incomplete set of shards or a file that is not a report", async () => {
    repo.write("one.json", JSON.stringify({ ...sampleShard(), gate: { shard: "1/2" } }));
    repo.write("plain.json", JSON.stringify(sampleShard()));
    repo.write("junk.json", "{ nope");
    for (const [files, message] of [
      [["one.json"], /expected each shard 1\/n to n\/n once, got 1\/2/],
      [["plain.json"], /has no gate.shard/],
      [["junk.json"], /cannot read/],
      [["missing.json"], /cannot read/],
    ] as const) {
      const run = await runCli(["merge-reports", ...files], repo.root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    repo.write("null.json", "null");
    expect((await runCli(["merge-reports", "null.json"], repo.root)).stderr).toMatch(
      /is not a quality-gate JSON report/,
    );
    repo.write("wrong.json", JSON.stringify({ rungs: [] }));
    expect((await runCli(["merge-reports", "wrong.json"], repo.root)).stderr).toMatch(
      /is not a quality-gate JSON report/,
    );
  });

  it("refuses to merge shards of another version, repository or commit, or other flags", async () => {
    const shard = (index: number, extra: Partial<Report> = {}, gate = {}): string => {
      const name = `shard-${String(index)}-${String(Math.random()).slice(2)}.json`;
      const report = { ...sampleShard(), ...extra };
      repo.write(
        name,
        JSON.stringify({
          ...report,
          gate: { shard: `${String(index)}/2`, repository: "pkg", commit: "abc", ...gate },
        }),
      );
      return name;
    };
    const merge = async (...files: string[]) => runCli(["merge-reports", ...files], repo.root);
    expect((await merge(shard(1), shard(2))).code).toBe(0);
    const older = { tool: { name: "quality-gate" as const, version: "0.0.9" } };
    for (const [files, message] of [
      [
        [shard(1), shard(2, older)],
        /written by different versions of quality-gate \(report 1\.1, quality-gate 0\.1\.0; report 1\.1, quality-gate 0\.0\.9\)/,
      ],
      [[shard(1), shard(2, { version: "1.0" })], /different versions of quality-gate/],
      [
        [shard(1), shard(2, {}, { repository: "other" })],
        /checked different repositories or commits/,
      ],
      [[shard(1), shard(2, {}, { commit: "def" })], /checked different repositories or commits/],
      [[shard(1), shard(2, { only: [0] })], /different targets or --only rungs/],
    ] as const) {
      const run = await merge(...files);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
    }
  });
});

function sampleShard(): Report {
  return {
    version: "1.1",
    tool: { name: "quality-gate", version: "0.1.0" },
    target: 0,
    reached: 0,
    passed: true,
    rungs: LADDER.map(({ name }, id) => ({
      id,
      name,
      status: id === 0 ? "passed" : "not-run",
      durationMs: 0,
      startedAtMs: 0,
    })),
    scores: { documentation: null, types: null, tests: null, lint: null, overall: null },
    findings: [],
    symbols: [],
    internal: [],
  };
}
