// Rung 3's verdict as a pure function of what a test run produced.
import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/config-schema.js";
import type { Finding } from "../../../src/ladder/finding.js";
import { testVerdict } from "../../../src/rungs/testers/test-verdict.js";
import type { TestOutcome } from "../../../src/rungs/testers/test-verdict.js";

const config = configSchema.parse({});
const tool = { name: "vitest", version: "4.1.0", source: "repository" } as const;
const failure: Finding = {
  ruleId: "vitest/failed-test",
  rung: 3,
  file: "test/a.test.ts",
  line: 7,
  column: 3,
  symbol: null,
  message: '"case" failed: expected 1 to be 2. Fix the code or the test.',
};

function run(overrides: Partial<TestOutcome>): TestOutcome {
  return {
    tool,
    counts: { passed: 3, failed: 0 },
    failures: [],
    coverage: undefined,
    exitCode: 0,
    errorLine: "",
    ...overrides,
  };
}

const rules = (outcome: ReturnType<typeof testVerdict>) =>
  outcome.findings.map((finding) => finding.ruleId);

describe("testVerdict", () => {
  it("passes when tests ran, none failed, the runner exited cleanly, and coverage holds", () => {
    expect(testVerdict(run({ coverage: { lines: 95, branches: 91 } }), config)).toEqual({
      status: "passed",
      findings: [],
      tool,
      metrics: { coverageLines: 95, coverageBranches: 91 },
    });
  });

  it("fails when no test ran", () => {
    expect(rules(testVerdict(run({ counts: { passed: 0, failed: 0 } }), config))).toEqual([
      "tests/no-tests",
    ]);
  });

  it("keeps each failed test where the runner placed it", () => {
    expect(
      testVerdict(
        run({ counts: { passed: 2, failed: 1 }, failures: [failure], exitCode: 1 }),
        config,
      ).findings,
    ).toEqual([failure]);
  });

  it("says how many failed when the runner does not say where", () => {
    const outcome = testVerdict(run({ counts: { passed: 2, failed: 4 }, exitCode: 1 }), config);
    expect(outcome.findings[0]?.message).toBe(
      "4 test(s) failed (vitest's output says which). Fix the code or the tests.",
    );
  });

  it("fails an exit the failures do not explain, in the runner's own words", () => {
    const outcome = testVerdict(
      run({
        exitCode: 1,
        errorLine: "ERROR: Coverage for lines (80%) does not meet global threshold (90%)",
      }),
      config,
    );
    expect(outcome.findings[0]?.message).toBe(
      "vitest exited with code 1: ERROR: Coverage for lines (80%) does not meet global threshold (90%). Fix what it reports, then run the gate again.",
    );
  });

  it("trusts the exit code when the runner prints no count", () => {
    expect(testVerdict(run({ counts: undefined }), config).status).toBe("passed");
    expect(
      rules(testVerdict(run({ counts: undefined, exitCode: 2, errorLine: "boom" }), config)),
    ).toEqual(["tests/failed"]);
  });

  it("fails coverage under the configured minimums, naming the measure", () => {
    const outcome = testVerdict(run({ coverage: { lines: 80, branches: 95 } }), config);
    expect(outcome.findings.map((finding) => finding.message)).toEqual([
      "Coverage of lines is 80%, under the 90% threshold. Test the uncovered lines.",
    ]);
  });
});
