// A linter's verdict as the repository's own command gives it: errors fail; warnings fail only
// past the limit its command sets.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/ladder/finding.js";
import { lintVerdict, maxWarningsOf } from "../../../src/rungs/linters/lint-verdict.js";

const tool = { name: "eslint", source: "repository" } as const;
const warning: Finding = {
  ruleId: "eslint/prefer-const",
  rung: 2,
  file: "src/a.ts",
  line: 1,
  column: 1,
  symbol: null,
  message: "'a' is never reassigned. (warning)",
};

describe("maxWarningsOf", () => {
  it.each([
    [["--max-warnings", "0", "src"], 0],
    [["--max-warnings=5", "src"], 5],
    [["src", "--max-warnings", "12"], 12],
    [["--deny-warnings"], 0],
    [["--error-on-warnings", "."], 0],
    [["src"], Infinity],
    [[], Infinity],
  ])("reads %j as %d", (args, limit) => {
    expect(maxWarningsOf(args)).toBe(limit);
  });

  it.each([
    [["--max-warnings", "-1"]],
    [["--max-warnings", "many"]],
    [["--max-warnings=1.5"]],
    [["--max-warnings"]],
  ])("sets no limit with a value that is no count (%j), as ESLint's -1 means none", (args) => {
    expect(maxWarningsOf(args)).toBe(Infinity);
  });

  it("falls back to a deny flag when --max-warnings has no usable value", () => {
    expect(maxWarningsOf(["--max-warnings", "x", "--deny-warnings"])).toBe(0);
  });
});

describe("lintVerdict", () => {
  it("passes warnings within the limit and fails past it, keeping the findings either way", () => {
    const lint = { findings: [warning, warning], errors: 0, warnings: 2 };
    expect(lintVerdict(lint, Infinity, tool)).toEqual({
      status: "passed",
      findings: [warning, warning],
      tool,
    });
    expect(lintVerdict(lint, 2, tool).status).toBe("passed");
    expect(lintVerdict(lint, 1, tool)).toEqual({
      status: "failed",
      findings: [warning, warning],
      tool,
    });
  });

  it("fails on an error whatever the warning limit", () => {
    const error = { ...warning, message: "Unexpected var. (error)" };
    expect(
      lintVerdict({ findings: [error], errors: 1, warnings: 0 }, Infinity, tool).status,
    ).toBe("failed");
  });
});
