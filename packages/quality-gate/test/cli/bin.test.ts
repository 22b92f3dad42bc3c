// Through the real bin (built dist): rung 3 runs Vitest, which is only safe in its own process.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";

const bin = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));
const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

function check(fixture: string): { status: number | null; report: Report } {
  const run = spawnSync(
    process.execPath,
    [bin, "check", fixture, "--only", "3", "--format", "json"],
    {
      cwd: fixtures,
      encoding: "utf8",
      env: { ...process.env, CI: "" },
    },
  );
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

describe("rung 3 through the bin", { timeout: 120_000 }, () => {
  it("passes the clean fixture, with its coverage as the tests score", () => {
    const { status, report } = check("clean");
    expect(status).toBe(0);
    expect(report.rungs[3]?.status).toBe("passed");
    expect(report.scores.tests).toBe(1);
  });

  it("fails the broken-test fixture at the failing test", () => {
    const { status, report } = check("broken-test");
    expect(status).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: "vitest/failed-test",
        rung: 3,
        file: "test/index.test.ts",
        line: 4,
      }),
    ]);
    expect(report.findings[0]?.message).toMatch(/"adds two numbers" failed: expected 3 to be 4/);
  });
});
