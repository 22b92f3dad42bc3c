import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { describeVerdict } from "../../src/report/describe-verdict.js";
import { sampleReport } from "../reporters/sample-report.js";

/** A report whose rungs have these statuses (missing ones did not run). */
function withStatuses(statuses: Record<number, string>, extra: Partial<Report> = {}): Report {
  const base = sampleReport([], 7);
  return {
    ...base,
    rungs: base.rungs.map((rung) => ({ ...rung, status: statuses[rung.id] ?? "not-run" })),
    ...extra,
  };
}

describe("describeVerdict", () => {
  it("names the rungs an --only run ran, never a rung 'reached' past ones it skipped", () => {
    const report = withStatuses(
      { 0: "passed", 4: "passed", 7: "passed" },
      { only: [0, 4, 7], reached: 7 },
    );
    expect(describeVerdict(report)).toBe("Passed 0, 4, 7 (of 0–7).");
  });

  it("puts an --only run's failed rungs first", () => {
    const report = withStatuses(
      { 0: "passed", 4: "failed", 7: "passed" },
      { only: [0, 4, 7], passed: false },
    );
    expect(describeVerdict(report)).toBe("Failed 4; passed 0, 7 (of 0–7).");
  });

  it("rounds a score just under its threshold down, never up to it", () => {
    const report = withStatuses(
      { 0: "passed", 7: "passed" },
      {
        only: [0, 7],
        passed: false,
        scores: { documentation: 0.996, types: null, tests: null, lint: null, overall: 0.996 },
        thresholds: { documentation: 1, types: 1, tests: 0.9, lint: 1, overall: 0.5 },
      },
    );
    expect(describeVerdict(report)).toBe(
      "Passed 0, 7 (of 0–7), but documentation 0.99 is under its threshold 1.00.",
    );
  });

  it("says which score kept a run whose rungs all passed from passing", () => {
    const report = withStatuses(
      { 0: "passed", 7: "passed" },
      {
        only: [0, 7],
        passed: false,
        scores: { documentation: 0.8, types: null, tests: null, lint: null, overall: 0.8 },
        thresholds: { documentation: 0.9, types: 1, tests: 0.9, lint: 1, overall: 0.5 },
      },
    );
    expect(describeVerdict(report)).toBe(
      "Passed 0, 7 (of 0–7), but documentation 0.80 is under its threshold 0.90.",
    );
  });

  it("says how far a climb got and whether it met its target", () => {
    expect(describeVerdict(sampleReport([], 7))).toBe(
      "Reached 7 — documented; target 7: passed.",
    );
    expect(describeVerdict(sampleReport([], -1))).toBe(
      "Reached nothing (rung 0 failed); target 7: not met.",
    );
  });
});
