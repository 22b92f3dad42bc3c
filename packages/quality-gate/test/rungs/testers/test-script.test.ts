// Rung 3 with a test script the gate cannot take apart: run whole, its exit code the verdict,
// its runners' summaries counted.
import { describe, expect, it } from "vitest";
import { runRung } from "../../support/rung-run.js";
import { tempRepo } from "../../support/temp-repo.js";

function repo(script: string) {
  return tempRepo({
    "package.json": JSON.stringify({ name: "s", scripts: { test: "node run-tests.mjs" } }),
    "tsconfig.json": "{}",
    "run-tests.mjs": script,
  });
}

describe("rung 3 with the whole test script", { timeout: 120_000 }, () => {
  it("passes when the script passes, counting the tests from its output", async () => {
    const result = await runRung(repo('console.log("# tests 2\\n# pass 2\\n# fail 0");\n'), 3);
    expect(result).toMatchObject({
      status: "passed",
      findings: [],
      tool: {
        name: "npm run test",
        source: "script",
        note: "counted from node:test's summaries",
      },
    });
  });

  it("fails with the script's first error line when it fails", async () => {
    const result = await runRung(
      repo('console.error("Error: cannot find the browsers"); process.exit(1);\n'),
      3,
    );
    expect(result.status).toBe("failed");
    expect(result.findings[0]?.message).toMatch(
      /^npm run test exited with code 1: Error: cannot find the browsers\./,
    );
  });
});
