// Rung 3 with the repository's Vitest: the test script's builds first, its checks left to the
// other rungs, each failed test where it is, coverage from the repository's provider.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

const SOURCE = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
const PASSING =
  'import { expect, it } from "vitest";\nimport { add } from "../src/add.js";\nit("adds", () => {\n  expect(add(1, 2)).toBe(3);\n});\n';

function repo(test: string, extra: Record<string, string | object> = {}) {
  return toolRepo({
    "package.json": {
      name: "v",
      type: "module",
      devDependencies: { vitest: "*", "@vitest/coverage-v8": "*" },
      scripts: { test },
    },
    "tsconfig.json": {},
    "vitest.config.ts": 'export default { test: { include: ["test/**/*.test.ts"] } };\n',
    "src/add.ts": SOURCE,
    "test/add.test.ts": PASSING,
    ...extra,
  });
}

describe("rung 3 with the repository's Vitest", { timeout: 180_000 }, () => {
  it("runs the script's builds, leaves its lint to rung 2, and measures coverage", async () => {
    const result = await runRung(
      repo("node -e \"require('fs').writeFileSync('built.txt', '')\" && eslint . && vitest"),
      3,
    );
    expect(result.status).toBe("passed");
    expect(result.metrics).toEqual({ coverageLines: 100, coverageBranches: 100 });
    expect(result.tool).toMatchObject({
      name: "vitest",
      source: "repository",
      note: "the test script also runs eslint ., left to the other rungs",
    });
  });

  it("reports each failed test where it is", async () => {
    const failing =
      'import { expect, it } from "vitest";\n\nit("is wrong", () => {\n  expect(1).toBe(2);\n});\n';
    const result = await runRung(repo("vitest run", { "test/wrong.test.ts": failing }), 3);
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual(["vitest/failed-test test/wrong.test.ts:3"]);
    expect(result.findings[0]?.message).toMatch(
      /^"is wrong" failed: AssertionError: expected 1 to be 2/,
    );
  });

  it("fails when a build step of the test script fails, saying which", async () => {
    const result = await runRung(
      repo("node -e \"console.error('error: build broke'); process.exit(2)\" && vitest run"),
      3,
    );
    expect(places(result)).toEqual(["tests/setup-failed package.json:1"]);
    expect(result.findings[0]?.message).toMatch(
      /which the test script runs before its tests, failed: error: build broke/,
    );
  });
});
