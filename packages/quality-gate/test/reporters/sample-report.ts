// Reports built by hand, so each reporter is tested on exact, known input.
import type { Finding } from "../../src/ladder/finding.js";
import type { Report } from "../../src/report/build-report.js";
import { RUNGS } from "../../src/ladder/rungs.js";

/**
 * A finding with defaults for the fields a test does not care about.
 *
 * @param overrides - the fields that matter
 * @returns the finding
 */
export function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: "eslint/no-var",
    rung: 2,
    file: "src/index.ts",
    line: 3,
    column: 5,
    symbol: null,
    message: "Unexpected var, use let or const instead.",
    ...overrides,
  };
}

/**
 * A report whose rungs 0..reached passed, the next one failed and the rest did not run.
 *
 * @param findings - its findings
 * @param reached - the highest rung passed
 * @returns the report (target 7)
 */
export function sampleReport(findings: readonly Finding[], reached = 1): Report {
  return {
    version: "1.0",
    target: 7,
    reached,
    passed: findings.length === 0 && reached === 7,
    rungs: RUNGS.map(({ name }, id) => ({
      id,
      name,
      status: id <= reached ? "passed" : id === reached + 1 ? "failed" : "not-run",
      durationMs: id <= reached + 1 ? 1234 : 0,
      startedAtMs: 0,
    })),
    scores: { documentation: 0.875, types: 1, tests: null, lint: 0, overall: 0.625 },
    findings,
    symbols: [],
    internal: [],
  };
}
