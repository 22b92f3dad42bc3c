// Merging shard reports: statuses by precedence, the baseline's counts added, mismatches refused.
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import type { Report } from "../../src/report/build-report.js";
import { mergeReports } from "../../src/report/merge-reports.js";
import { sampleReport } from "../reporters/sample-report.js";

const config = configSchema.parse({});

function shard(index: number, statuses: string[], tolerated?: number): Report {
  const report = sampleReport([]);
  return {
    ...report,
    target: 2,
    rungs: report.rungs.map((rung) => ({ ...rung, status: statuses[rung.id] ?? "not-run" })),
    gate: { shard: `${String(index)}/2`, ...(tolerated === undefined ? {} : { tolerated }) },
  };
}

describe("mergeReports", () => {
  it("fails a rung one shard failed, adds the tolerated counts and drops the shard note", () => {
    const merged = mergeReports(
      [shard(2, ["passed", "failed", "passed"], 2), shard(1, ["passed", "passed", "skipped"], 1)],
      config,
    );
    expect(merged.rungs.slice(0, 3).map((rung) => rung.status)).toEqual([
      "passed",
      "failed",
      "passed",
    ]);
    expect(merged).toMatchObject({ reached: 0, passed: false, gate: { tolerated: 3 } });
    expect(merged.scores.lint).toBe(0);
  });

  it("refuses shards of runs with different targets", () => {
    const other = { ...shard(2, ["passed"]), target: 0 };
    expect(() => mergeReports([shard(1, ["passed"]), other], config)).toThrow(
      /different targets/,
    );
  });

  it("refuses a report that is not a shard's, and an incomplete or repeated set of shards", () => {
    const unsharded: Report = { ...sampleReport([]), target: 2 };
    expect(() => mergeReports([unsharded], config)).toThrow(/no gate.shard/);
    expect(() => mergeReports([shard(1, ["passed"])], config)).toThrow(/got 1\/2/);
    expect(() => mergeReports([shard(1, ["passed"]), shard(1, ["passed"])], config)).toThrow(
      /each shard 1\/n to n\/n once/,
    );
    expect(() => mergeReports([], config)).toThrow(/got none/);
  });

  it("has no lint score when neither shard ran rungs 1 and 2, and no gate note without a baseline", () => {
    const merged = mergeReports(
      [shard(1, ["passed", "not-run", "not-run"]), shard(2, ["passed"])],
      config,
    );
    expect(merged.scores.lint).toBeNull();
    expect(merged.gate).toBeUndefined();
  });
});

describe("mergeReports, edges", () => {
  it("takes the scores over every symbol from any shard and leaves lint unmeasured when rungs 1-2 did not run", () => {
    const one = {
      ...shard(1, ["passed"]),
      scores: { ...sampleReport([]).scores, documentation: 0.5, tests: null },
    };
    const two = {
      ...shard(2, ["passed"]),
      scores: { ...one.scores, documentation: 0.5, tests: 0.95 },
    };
    const merged = mergeReports([one, two], config);
    expect(merged.scores).toMatchObject({ documentation: 0.5, tests: 0.95, lint: null });
    expect(merged.gate).toBeUndefined();
  });

  it.each([
    [[1, 1], "1/2, 1/2"],
    [[1], "1/2"],
  ])("refuses shards %j (have %s)", (indices, have) => {
    const reports = indices.map((index) => shard(index, ["passed"]));
    expect(() => mergeReports(reports, config)).toThrow(`got ${have}`);
  });

  it("refuses an empty list and a report of an unsharded run", () => {
    expect(() => mergeReports([], config)).toThrow(/got none/);
    const plain: Report = { ...shard(1, ["passed"]), gate: { since: "main" } };
    expect(() => mergeReports([plain], config)).toThrow(/no gate\.shard/);
  });
});
