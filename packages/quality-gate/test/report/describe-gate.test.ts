// The one sentence the human-readable reports print about a scoped run.
import { describe, expect, it } from "vitest";
import { describeGate } from "../../src/report/describe-gate.js";

describe("describeGate", () => {
  it.each([
    [undefined, undefined],
    [{}, undefined],
    [{ since: "origin/main" }, "Gated: changes since origin/main."],
    [{ staged: true }, "Gated: staged files and their importers."],
    [
      { shard: "2/3", tolerated: 4, fixed: 1 },
      "Gated: shard 2/3; 4 known findings tolerated by the baseline, 1 fixed.",
    ],
    [{ tolerated: 0 }, "Gated: 0 known findings tolerated by the baseline."],
  ])("describes %j", (gate, sentence) => {
    expect(describeGate(gate)).toBe(sentence);
  });
});
