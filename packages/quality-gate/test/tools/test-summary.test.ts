import { describe, expect, it } from "vitest";
import { readTestCounts } from "../../src/tools/test-summary.js";

describe("readTestCounts", () => {
  it.each([
    [
      "node:test (spec)",
      "ℹ tests 123\nℹ suites 6\nℹ pass 120\nℹ fail 3\n",
      { runner: "node:test", passed: 120, failed: 3 },
    ],
    [
      "node:test (TAP)",
      "# tests 4\n# pass 4\n# fail 0\n",
      { runner: "node:test", passed: 4, failed: 0 },
    ],
    [
      "node-tap",
      "ok 25 - test/x.ts # time=2ms\n\n# { total: 6236, pass: 6236 }\n",
      { runner: "tap", passed: 6236, failed: 0 },
    ],
    [
      "ava",
      "  ✔ a\n  535 tests passed\n  46 tests failed\n  2 known failures\n",
      { runner: "ava", passed: 535, failed: 46 },
    ],
    ["mocha", "  12 passing (2s)\n  1 failing\n", { runner: "mocha", passed: 12, failed: 1 }],
    [
      "jest",
      "Tests:       1 failed, 452 passed, 453 total\n",
      { runner: "jest", passed: 452, failed: 1 },
    ],
  ])("reads %s", (_name, output, counts) => {
    expect(readTestCounts(output)).toEqual(counts);
  });

  it("adds up the summaries of several packages, colours and prefixes removed", () => {
    const output =
      "packages/core test: \u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m138 passed\u001b[39m\u001b[22m (138)\n" +
      "packages/prompts test:       Tests  2 failed | 583 passed (585)\n";
    expect(readTestCounts(output)).toEqual({ runner: "vitest", passed: 721, failed: 2 });
  });

  it.each([
    [
      "vitest, every test failed (it leaves out a count of zero)",
      " Test Files  1 failed (1)\n      Tests  3 failed (3)\n   Start at  10:12:01\n",
      { runner: "vitest", passed: 0, failed: 3 },
    ],
    [
      "vitest, some skipped",
      "      Tests  12 passed | 2 skipped (14)\n",
      { runner: "vitest", passed: 12, failed: 0 },
    ],
    [
      "jest, every test failed",
      "Test Suites: 1 failed, 1 total\nTests:       3 failed, 3 total\n",
      { runner: "jest", passed: 0, failed: 3 },
    ],
    [
      "jest, all passed",
      "Test Suites: 2 passed, 2 total\nTests:       1 skipped, 9 passed, 10 total\n",
      { runner: "jest", passed: 9, failed: 0 },
    ],
    [
      "node:test through a workspace script, without a fail line",
      "packages/a test: ℹ pass 7\npackages/b test: ℹ pass 5\n",
      { runner: "node:test", passed: 12, failed: 0 },
    ],
    [
      "node-tap with failures",
      "not ok 2 - test/b.ts # time=8ms\n\n# { total: 10, pass: 8, fail: 2 }\n",
      { runner: "tap", passed: 8, failed: 2 },
    ],
    [
      "ava, one test failed",
      "  ✘ [fail]: adds\n  ─\n\n  1 test failed\n",
      { runner: "ava", passed: 0, failed: 1 },
    ],
    [
      "ava, all passed",
      "  ✔ adds\n  ─\n\n  1 test passed\n",
      { runner: "ava", passed: 1, failed: 0 },
    ],
    [
      "mocha, all passing",
      "  add\n    ✔ adds\n\n\n  3 passing (12ms)\n",
      { runner: "mocha", passed: 3, failed: 0 },
    ],
  ])("reads %s", (_name, output, counts) => {
    expect(readTestCounts(output)).toEqual(counts);
  });

  it("says nothing when no runner's summary is there", () => {
    expect(readTestCounts("all good\n")).toBeUndefined();
  });
});
