// The gate's own Vitest, for a repository with no test runner: no coverage is no measurement.
import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/report/build-report.js";
import { runCli } from "../../support/run-cli.js";
import { tempRepo } from "../../support/temp-repo.js";

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
    expect(report.rungs[3]).toMatchObject({
      status: "passed",
      tool: { name: "vitest", source: "bundled" },
    });
    expect(report.scores.tests).toBeNull();
    const pretty = await runCli(["check", "--only", "3", "--format", "pretty", repo], repo);
    expect(pretty.stdout).toMatch(/Tests\s+not measured/);
    expect(pretty.stdout).not.toContain("NaN");
  });
});
