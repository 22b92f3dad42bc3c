/**
 * Reads the JSON report Jest writes with `--json` and Vitest with `--reporter=json` (Vitest's is
 * Jest's format): each test's outcome and place, and the test files that failed to run at all.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Finding } from "../ladder/finding.js";
import { relativePath } from "../rungs/relative-path.js";

/** A test run, as the report has it. */
export interface ReportedTests {
  /** Tests that passed. */
  readonly passed: number;
  /** One finding per failed test and per test file that failed to load. */
  readonly failures: readonly Finding[];
}

interface JestReport {
  readonly numPassedTests?: number;
  readonly testResults?: readonly {
    readonly name: string;
    readonly status?: string;
    readonly message?: string;
    readonly assertionResults?: readonly {
      readonly fullName?: string;
      readonly title?: string;
      readonly status: string;
      readonly failureMessages?: readonly string[];
      readonly location?: { readonly line?: number; readonly column?: number } | null;
    }[];
  }[];
}

/**
 * Reads a JSON test report.
 *
 * @param file - the report
 * @param root - the repository root, for relative paths
 * @param runner - `vitest` or `jest`, the rules' prefix
 * @returns the counts and failures, or `undefined` when there is no readable report
 * @example
 * ```ts
 * readJestJson("/tmp/x/jest.json", "/repo", "jest")?.passed; // 453
 * ```
 */
export function readJestJson(
  file: string,
  root: string,
  runner: string,
): ReportedTests | undefined {
  let report: JestReport;
  try {
    report = JSON.parse(readFileSync(file, "utf8")) as JestReport;
  } catch {
    return undefined;
  }
  const failures = (report.testResults ?? []).flatMap((result) =>
    fileFailures(result, root, runner),
  );
  return { passed: report.numPassedTests ?? 0, failures };
}

type FileResult = NonNullable<JestReport["testResults"]>[number];

/** A test file's failed tests, or the file itself when it failed without a failed test (did not load). */
function fileFailures(result: FileResult, root: string, runner: string): Finding[] {
  const path = relativePath(root, resolve(root, result.name));
  const assertions = result.assertionResults ?? [];
  const failed = assertions.filter((assertion) => assertion.status === "failed");
  const tests = failed.map((test) => {
    const reason = (test.failureMessages?.[0] ?? "it failed").split("\n")[0] ?? "it failed";
    const name = test.fullName ?? test.title ?? "a test";
    return finding(
      `${runner}/failed-test`,
      path,
      test.location ?? undefined,
      `"${name}" failed: ${reason}. Fix the code or the test.`,
    );
  });
  if (result.status !== "failed" || tests.length > 0) return tests;
  const first = (result.message ?? "").trim().split("\n")[0];
  const reason = first === undefined || first === "" ? "it failed to run" : first;
  return [
    finding(
      `${runner}/load-error`,
      path,
      undefined,
      `This test file did not run: ${reason}. Fix the error so the suite can run.`,
    ),
  ];
}

function finding(
  ruleId: string,
  file: string,
  at: { readonly line?: number; readonly column?: number } | undefined,
  message: string,
): Finding {
  return {
    ruleId,
    rung: 3,
    file,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    symbol: null,
    message,
  };
}
