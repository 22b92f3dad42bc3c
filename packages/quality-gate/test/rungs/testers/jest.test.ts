// Rung 3 with the repository's Jest: its JSON report and coverage, never in watch mode.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("rung 3 with the repository's Jest", { timeout: 180_000 }, () => {
  it("reads each test's outcome and the coverage from Jest's own reports", async () => {
    const root = toolRepo({
      "package.json": {
        name: "j",
        devDependencies: { jest: "*" },
        scripts: { test: "jest --watch" },
      },
      "tsconfig.json": {},
      "lib/add.js": "module.exports = (a, b) => a + b;\n",
      "test/add.test.js":
        'const add = require("../lib/add.js");\ntest("adds", () => {\n  expect(add(1, 2)).toBe(3);\n});\n\ntest("is wrong", () => {\n  expect(add(1, 1)).toBe(3);\n});\n',
    });
    const result = await runRung(root, 3);
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual(["jest/failed-test test/add.test.js:6"]);
    expect(result.metrics).toEqual({ coverageLines: 100, coverageBranches: 100 });
    expect(result.tool).toMatchObject({ name: "jest", source: "repository" });
  });
});
