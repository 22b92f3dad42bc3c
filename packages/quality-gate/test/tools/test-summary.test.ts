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

  it("says nothing when no runner's summary is there", () => {
    expect(readTestCounts("all good\n")).toBeUndefined();
  });
});
