/**
 * The gate's own Vitest, in process through its Node API (output discarded, coverage to a
 * temporary folder), for a repository that has no test runner of its own: with the repository's
 * Vitest config if it has one, else Vitest's defaults, never a config from a folder above.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { TestCase, TestModule } from "vitest/node";
import { makeTempDir, removeTempDir } from "../../fs/temp-dirs.js";
import type { Finding, RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { readCoverage } from "../../tools/coverage-summary.js";
import { relativePath } from "../relative-path.js";
import { testVerdict } from "./test-verdict.js";

const require = createRequire(import.meta.url);

/** Config files that make Vitest use the repository's own settings. */
const VITEST_CONFIGS = ["vitest", "vite"].flatMap((tool) =>
  ["ts", "mts", "cts", "js", "mjs", "cjs"].map((ext) => `${tool}.config.${ext}`),
);

/**
 * Runs the repository's tests with the gate's own Vitest.
 *
 * @param context - the rung's context
 * @returns the rung's outcome
 * @example
 * ```ts
 * await runBundledVitest(context);
 * ```
 */
export async function runBundledVitest(context: RungContext): Promise<RungOutcome> {
  const reports = makeTempDir(tmpdir(), "quality-gate-coverage-");
  try {
    const { tests, errors } = await runInProcess(context.root, reports);
    const ran = tests.filter((test) => ["passed", "failed"].includes(test.result().state));
    const failed = ran.filter((test) => test.result().state === "failed");
    const { version } = require("vitest/package.json") as { version: string };
    return testVerdict(
      {
        tool: {
          name: "vitest",
          version,
          source: "bundled",
          note: "the repository has no test runner of its own",
        },
        counts: { passed: ran.length - failed.length, failed: failed.length },
        failures: [
          ...errors.map((error) => loadError(error.message)),
          ...failed.map((test) => failedTest(test, context.root)),
        ],
        coverage: readCoverage(reports),
        exitCode: errors.length === 0 ? 0 : 1,
        errorLine: errors[0]?.message ?? "",
      },
      context.config,
    );
  } finally {
    removeTempDir(reports);
  }
}

async function runInProcess(
  root: string,
  reportsDirectory: string,
): Promise<{ tests: TestCase[]; errors: readonly { message?: string }[] }> {
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
  return { tests: modules.flatMap((module) => [...module.children.allTests()]), errors };
}

function loadError(message: string | undefined): Finding {
  return {
    ruleId: "vitest/load-error",
    rung: 3,
    file: ".",
    line: 1,
    column: 1,
    symbol: null,
    message: `${message ?? "A test file failed to load"}. Fix the error so the suite can run.`,
  };
}

function failedTest(test: TestCase, root: string): Finding {
  const [error] = test.result().errors ?? [];
  const reason = error?.message.split("\n")[0] ?? "it failed";
  const location = test.location ?? { line: 1, column: 1 };
  return {
    ruleId: "vitest/failed-test",
    rung: 3,
    file: relativePath(root, test.module.moduleId),
    line: location.line,
    column: location.column,
    symbol: null,
    message: `"${test.fullName}" failed: ${reason}. Fix the code or the test.`,
  };
}
