/**
 * Rung 3, tested: Vitest passes, at least one test ran, and coverage meets the configured
 * thresholds. Vitest runs through its Node API with its output discarded; coverage goes to a
 * temporary directory so the gate never writes into the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { TestCase, TestModule } from "vitest/node";
import type { QualityGateConfig } from "../config/config-schema.js";
import type { Finding, RungOutcome } from "../ladder/finding.js";
import { makeTempDir, removeTempDir } from "../fs/temp-dirs.js";
import type { Rung } from "../ladder/rung.js";
import { relativePath } from "./relative-path.js";
import { toolFailure } from "./tool-failure.js";

/** What a Vitest run produced, as rung 3 reads it. */
export interface TestRun {
  /** Every test case that ran or was skipped. */
  readonly tests: readonly TestCase[];
  /** Errors outside any test (a file that failed to load). */
  readonly errors: readonly { readonly message?: string }[];
  /** Line and branch coverage in percent, when coverage was collected. */
  readonly coverage: { readonly lines: number; readonly branches: number } | undefined;
}

/** Rung 3. */
export const tested: Rung = {
  id: 3,
  name: "tested",
  offloads: true,
  async run(context) {
    const reports = makeTempDir(tmpdir(), "quality-gate-coverage-");
    try {
      const run = await runVitest(context.root, reports);
      return judge(run, context.root, context.config);
    } catch (error) {
      return toolFailure(3, "vitest", error);
    } finally {
      removeTempDir(reports);
    }
  },
};

/** Config files that make Vitest use the repository's own settings. */
const VITEST_CONFIGS = ["vitest", "vite"].flatMap((tool) =>
  ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `${tool}.config.${ext}`),
);

async function runVitest(root: string, reportsDirectory: string): Promise<TestRun> {
  const { startVitest } = await import("vitest/node");
  let modules: readonly TestModule[] = [];
  let errors: readonly { message?: string }[] = [];
  const sink = new Writable({
    write: (_chunk, _encoding, done) => {
      done();
    },
  });
  const reporter = {
    onTestRunEnd(testModules: readonly TestModule[], unhandled: readonly { message?: string }[]) {
      modules = testModules;
      errors = unhandled;
    },
  };
  const vitest = await startVitest(
    "test",
    [],
    {
      root,
      // Without a config of its own, the repository gets Vitest's defaults: never a config
      // found in a parent directory.
      ...(VITEST_CONFIGS.some((name) => existsSync(join(root, name))) ? {} : { config: false }),
      watch: false,
      run: true,
      reporters: [reporter],
      includeTaskLocation: true,
      passWithNoTests: true,
      coverage: { enabled: true, reportsDirectory, reporter: ["json-summary"], clean: true },
    },
    {},
    { stdout: sink, stderr: sink },
  );
  await vitest.close();
  const tests = modules.flatMap((module) => [...module.children.allTests()]);
  return { tests, errors, coverage: readCoverage(reportsDirectory) };
}

function readCoverage(directory: string): TestRun["coverage"] {
  try {
    const summary = JSON.parse(
      readFileSync(join(directory, "coverage-summary.json"), "utf8"),
    ) as {
      total: { lines: { pct: unknown }; branches: { pct: unknown } };
    };
    const { lines, branches } = summary.total;
    // Istanbul writes "Unknown" when nothing was instrumented (a repository without sources
    // under test): that is no coverage, not NaN per cent.
    if (typeof lines.pct !== "number" || typeof branches.pct !== "number") return undefined;
    return { lines: lines.pct, branches: branches.pct };
  } catch {
    return undefined;
  }
}

/**
 * Judges a Vitest run against the configuration.
 *
 * @param run - the tests, load errors and coverage
 * @param root - the repository root, for relative paths
 * @param config - the thresholds (`rungs.tested.coverage`)
 * @returns the rung's outcome: failed tests, load errors, no tests, or coverage under threshold
 * @example
 * ```ts
 * judge({ tests: [], errors: [], coverage: undefined }, "/repo", config).status; // "failed"
 * ```
 */
export function judge(run: TestRun, root: string, config: QualityGateConfig): RungOutcome {
  const findings: Finding[] = [
    ...run.errors.map((error) =>
      finding(
        ".",
        1,
        "vitest/load-error",
        `${error.message ?? "A test file failed to load"}. Fix the error so the suite can run.`,
      ),
    ),
    ...run.tests
      .filter((test) => test.result().state === "failed")
      .map((test) => failedTest(test, root)),
  ];
  const ran = run.tests.filter((test) => ["passed", "failed"].includes(test.result().state));
  if (ran.length === 0) {
    findings.push(
      finding(
        ".",
        1,
        "vitest/no-tests",
        "No test ran. Add at least one *.test.ts file that Vitest finds.",
      ),
    );
  }
  findings.push(...coverageFindings(run.coverage, config));
  const status = findings.length === 0 ? "passed" : "failed";
  if (run.coverage === undefined) return { status, findings };
  const metrics = { coverageLines: run.coverage.lines, coverageBranches: run.coverage.branches };
  return { status, findings, metrics };
}

function coverageFindings(coverage: TestRun["coverage"], config: QualityGateConfig): Finding[] {
  const wanted = config.rungs.tested.coverage;
  if (coverage === undefined) return [];
  return (["lines", "branches"] as const)
    .filter((kind) => coverage[kind] < wanted[kind])
    .map((kind) =>
      finding(
        ".",
        1,
        `vitest/coverage-${kind}`,
        `Coverage of ${kind} is ${String(coverage[kind])}%, under the ${String(wanted[kind])}% threshold. Test the uncovered ${kind}.`,
      ),
    );
}

function failedTest(test: TestCase, root: string): Finding {
  const [error] = test.result().errors ?? [];
  const reason = error?.message.split("\n")[0] ?? "it failed";
  const location = test.location ?? { line: 1, column: 1 };
  return {
    ...finding(
      relativePath(root, test.module.moduleId),
      location.line,
      "vitest/failed-test",
      `"${test.fullName}" failed: ${reason}. Fix the code or the test.`,
    ),
    column: location.column,
  };
}

function finding(file: string, line: number, ruleId: string, message: string): Finding {
  return { ruleId, rung: 3, file, line, column: 1, symbol: null, message };
}
