// Rung 3's verdict on a Vitest run, as a pure function of the run.
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { judge } from "../../src/rungs/tested.js";
import type { TestRun } from "../../src/rungs/tested.js";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";
import { tempRepo } from "../support/temp-repo.js";

const config = configSchema.parse({});
const test = (state: string, extra: object = {}) =>
  ({
    result: () => ({ state, errors: [{ message: "expected 1 to be 2\nstack" }] }),
    location: { line: 7, column: 3 },
    fullName: "suite > case",
    module: { moduleId: "/repo/test/a.test.ts" },
    ...extra,
  }) as unknown as TestRun["tests"][number];

describe("judge", () => {
  it("passes when tests ran, none failed, and coverage holds", () => {
    const run: TestRun = {
      tests: [test("passed")],
      errors: [],
      coverage: { lines: 95, branches: 91 },
    };
    expect(judge(run, "/repo", config)).toEqual({
      status: "passed",
      findings: [],
      metrics: { coverageLines: 95, coverageBranches: 91 },
    });
  });

  it("fails when no test ran", () => {
    const run: TestRun = { tests: [test("skipped")], errors: [], coverage: undefined };
    expect(judge(run, "/repo", config).findings.map((f) => f.ruleId)).toEqual([
      "vitest/no-tests",
    ]);
  });

  it("reports each failed test where it is, and load errors", () => {
    const run: TestRun = {
      tests: [test("failed")],
      errors: [{ message: "Cannot find module x" }],
      coverage: undefined,
    };
    expect(judge(run, "/repo", config).findings).toEqual([
      expect.objectContaining({ ruleId: "vitest/load-error" }),
      expect.objectContaining({
        ruleId: "vitest/failed-test",
        file: "test/a.test.ts",
        line: 7,
        column: 3,
      }),
    ]);
  });

  it("fails coverage under the configured thresholds, per kind", () => {
    const run: TestRun = {
      tests: [test("passed")],
      errors: [],
      coverage: { lines: 89.5, branches: 95 },
    };
    const outcome = judge(run, "/repo", config);
    expect(outcome.status).toBe("failed");
    expect(outcome.findings).toEqual([
      expect.objectContaining({ ruleId: "vitest/coverage-lines" }),
    ]);
    expect(outcome.findings[0]?.message).toContain("89.5%, under the 90%");
  });
});

describe("rung 3 on a repository whose tests cover no source", { timeout: 120_000 }, () => {
  it("reports its tests as not measured, never NaN", async () => {
    const repo = tempRepo({
      "package.json": JSON.stringify({ name: "no-sources", type: "module" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [] } }),
      "test/plain.test.ts":
        'import { expect, it } from "vitest";\nit("adds", () => {\n  expect(1 + 1).toBe(2);\n});\n',
    });
    const json = await runCli(["check", "--only", "3", "--format", "json", repo], repo);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.rungs[3]?.status).toBe("passed");
    expect(report.scores.tests).toBeNull();
    const pretty = await runCli(["check", "--only", "3", "--format", "pretty", repo], repo);
    expect(pretty.stdout).toMatch(/Tests\s+not measured/);
    expect(pretty.stdout).not.toContain("NaN");
  });
});
