// Narrowing a report to a scope: statuses follow the findings left in scope.
import { describe, expect, it } from "vitest";
import { scopeReport } from "../../src/gate/scope-report.js";
import type { Finding } from "../../src/ladder/finding.js";
import type { Report } from "../../src/report/build-report.js";
import { RUNGS } from "../../src/ladder/rungs.js";

function finding(rung: number, file: string, ruleId = "rule/x"): Finding {
  return { ruleId, rung, file, line: 1, column: 1, symbol: null, message: "m" };
}

function report(statuses: string[], findings: Finding[]): Report {
  return {
    version: "1.0",
    target: 7,
    reached: -1,
    passed: false,
    rungs: RUNGS.map(({ name }, id) => ({
      id,
      name,
      status: statuses[id] ?? "not-run",
      durationMs: 0,
      startedAtMs: 0,
    })),
    scores: { documentation: null, types: null, tests: null, lint: null, overall: null },
    findings,
    symbols: [],
    internal: [],
  };
}

describe("scopeReport", () => {
  it("passes rungs whose findings all fell out of scope and fails those with one left", () => {
    const base = report(
      ["failed", "passed", "failed", "not-run", "skipped"],
      [finding(0, "old.ts"), finding(2, "new.ts")],
    );
    const scoped = scopeReport(base, (f) => f.file === "new.ts", [0, 1, 2], { since: "main" });
    expect(scoped.rungs.map((rung) => rung.status).slice(0, 5)).toEqual([
      "passed",
      "passed",
      "failed",
      "not-run",
      "skipped",
    ]);
    expect(scoped).toMatchObject({ reached: 1, passed: false, gate: { since: "main" } });
  });

  it("keeps a tool that could not run in scope, whatever the filter says", () => {
    const base = report(["passed", "failed"], [finding(1, ".", "prettier/tool-failed")]);
    const scoped = scopeReport(base, () => false, [1], { staged: true });
    expect(scoped.findings).toHaveLength(1);
    expect(scoped.passed).toBe(false);
  });
});
