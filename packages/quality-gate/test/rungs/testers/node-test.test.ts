// Rung 3 with node:test, run as the repository's script runs it, counted from its output in
// either of its reporters (spec, and TAP: a tap-style test script).
import { describe, expect, it } from "vitest";
import { runRung } from "../../support/rung-run.js";
import { tempRepo } from "../../support/temp-repo.js";

const TESTS =
  'import test from "node:test";\nimport assert from "node:assert";\ntest("one", () => assert.equal(1, 1));\ntest("two", () => assert.equal(2, 2));\n';

function repo(test: string, extra: Record<string, string> = {}) {
  return tempRepo({
    "package.json": JSON.stringify({ name: "n", type: "module", scripts: { test } }),
    "tsconfig.json": "{}",
    "test/a.test.mjs": TESTS,
    ...extra,
  });
}

describe("rung 3 with node:test", { timeout: 120_000 }, () => {
  it.each(["node --test test/", "node --test --test-reporter=tap test/"])(
    "passes a passing suite run by %s",
    async (script) => {
      const result = await runRung(repo(script), 3);
      expect(result).toMatchObject({
        status: "passed",
        findings: [],
        tool: { name: "node:test", source: "repository" },
      });
    },
  );

  it("fails a failing suite, saying how many failed", async () => {
    const failing =
      'import test from "node:test";\nimport assert from "node:assert";\ntest("bad", () => assert.equal(1, 2));\n';
    const result = await runRung(repo("node --test test/", { "test/b.test.mjs": failing }), 3);
    expect(result.status).toBe("failed");
    expect(result.findings.map((finding) => finding.message)).toEqual([
      "1 test(s) failed (node:test's output says which). Fix the code or the tests.",
    ]);
  });

  it("fails a script that finds no test", async () => {
    const result = await runRung(
      tempRepo({
        "package.json": JSON.stringify({
          name: "n",
          scripts: { test: "node --test nothing-here/" },
        }),
        "tsconfig.json": "{}",
      }),
      3,
    );
    expect(result.status).toBe("failed");
  });
});
