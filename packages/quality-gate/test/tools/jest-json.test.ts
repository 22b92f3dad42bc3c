// Jest's `--json` report (and Vitest's, the same format) read into findings: each failed test at
// its place with its first message line, a file that failed to load as one finding of its own.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJestJson } from "../../src/tools/jest-json.js";

const root = "/repo";

function report(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "qg-jest-json-")), "report.json");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

describe("readJestJson", () => {
  it("reads a failed test at its place, with the first line of its failure message", () => {
    const file = report({
      numPassedTests: 452,
      testResults: [
        {
          name: "/repo/test/add.test.js",
          status: "failed",
          message: "",
          assertionResults: [
            { fullName: "add adds", title: "adds", status: "passed", failureMessages: [] },
            {
              fullName: "add is wrong",
              title: "is wrong",
              status: "failed",
              failureMessages: [
                "Error: expect(received).toBe(expected)\n\nExpected: 3\nReceived: 2\n    at Object.<anonymous>",
              ],
              location: { line: 6, column: 3 },
            },
          ],
        },
      ],
    });
    expect(readJestJson(file, root, "jest")).toEqual({
      passed: 452,
      failures: [
        {
          ruleId: "jest/failed-test",
          rung: 3,
          file: "test/add.test.js",
          line: 6,
          column: 3,
          symbol: null,
          message:
            '"add is wrong" failed: Error: expect(received).toBe(expected). Fix the code or the test.',
        },
      ],
    });
  });

  it("places a failed test without a location (Jest's default) on line 1, named by its title", () => {
    const file = report({
      testResults: [
        {
          name: "test/a.test.ts",
          status: "failed",
          assertionResults: [
            { title: "rounds", status: "failed", location: null },
            { status: "failed", failureMessages: [] },
          ],
        },
      ],
    });
    const read = readJestJson(file, root, "vitest");
    expect(read?.passed).toBe(0);
    expect(
      read?.failures.map(({ ruleId, file: at, line, column, message }) => ({
        ruleId,
        at,
        line,
        column,
        message,
      })),
    ).toEqual([
      {
        ruleId: "vitest/failed-test",
        at: "test/a.test.ts",
        line: 1,
        column: 1,
        message: '"rounds" failed: it failed. Fix the code or the test.',
      },
      {
        ruleId: "vitest/failed-test",
        at: "test/a.test.ts",
        line: 1,
        column: 1,
        message: '"a test" failed: it failed. Fix the code or the test.',
      },
    ]);
  });

  it("reports a file that failed without a failed test as a load error, in its first words", () => {
    const file = report({
      numPassedTests: 3,
      testResults: [
        {
          name: "/repo/test/broken.test.ts",
          status: "failed",
          message:
            "\n  Cannot find module '../src/gone.js' from 'test/broken.test.ts'\n\n  at x\n",
          assertionResults: [],
        },
        { name: "/repo/test/silent.test.ts", status: "failed" },
        { name: "/repo/test/fine.test.ts", status: "passed", assertionResults: [] },
      ],
    });
    expect(readJestJson(file, root, "jest")?.failures).toEqual([
      {
        ruleId: "jest/load-error",
        rung: 3,
        file: "test/broken.test.ts",
        line: 1,
        column: 1,
        symbol: null,
        message:
          "This test file did not run: Cannot find module '../src/gone.js' from 'test/broken.test.ts'. Fix the error so the suite can run.",
      },
      {
        ruleId: "jest/load-error",
        rung: 3,
        file: "test/silent.test.ts",
        line: 1,
        column: 1,
        symbol: null,
        message:
          "This test file did not run: it failed to run. Fix the error so the suite can run.",
      },
    ]);
  });

  it("reads a report without test files as no failures", () => {
    expect(readJestJson(report({ numPassedTests: 0 }), root, "jest")).toEqual({
      passed: 0,
      failures: [],
    });
  });

  it.each([
    ["a report that is not JSON", "Test Suites: 1 failed"],
    ["an empty report", ""],
  ])("returns undefined for %s", (_name, text) => {
    expect(readJestJson(report(text), root, "jest")).toBeUndefined();
  });

  it("returns undefined when the runner wrote no report", () => {
    expect(readJestJson(join(tmpdir(), "qg-no-such-report.json"), root, "jest")).toBeUndefined();
  });
});
