// The ladder's pure logic in tables: reached rung, target met, stage and flag parsing.
import { describe, expect, it } from "vitest";
import { selectRungs } from "../../src/cli/parse-rungs.js";
import type { RungStatus } from "../../src/ladder/finding.js";
import { reachedRung, targetMet } from "../../src/ladder/reached.js";
import { isStageName, STAGES } from "../../src/ladder/stages.js";

const p: RungStatus = "passed";
const f: RungStatus = "failed";
const n: RungStatus = "not-run";

describe("reachedRung", () => {
  it.each<[RungStatus[], number]>([
    [[p, p, p, p], 3],
    [[p, f, p, p], 0],
    [[f, p], -1],
    [[n, p], -1],
    [[p, p, n, p], 1],
    [[], -1],
  ])("%j reaches %i", (statuses, reached) => {
    expect(reachedRung(statuses)).toBe(reached);
  });
});

describe("targetMet", () => {
  it.each<[RungStatus[], number, number[] | undefined, boolean]>([
    [[p, p, p], 2, undefined, true],
    [[p, p, f], 2, undefined, false],
    [[p, p, f], 1, undefined, true],
    [[n, n, n, n, p, n, n, p], 7, [4, 7], true],
    [[n, n, n, n, p, n, n, f], 7, [4, 7], false],
  ])("%j with target %i and only %j is %s", (statuses, target, only, met) => {
    expect(targetMet(statuses, target, only)).toBe(met);
  });
});

describe("stages", () => {
  it("maps the seed's flowchart to targets", () => {
    expect(STAGES).toEqual({
      spike: 0,
      precommit: 2,
      tested: 3,
      team: 4,
      deploy: 5,
      operations: 6,
      maintenance: 7,
    });
    expect(isStageName("team")).toBe(true);
    expect(isStageName("toString")).toBe(false);
  });
});

describe("selectRungs", () => {
  it.each([
    [{}, { target: 7, rungs: [0, 1, 2, 3, 4, 5, 6, 7], only: undefined }],
    [{ target: "3" }, { target: 3, rungs: [0, 1, 2, 3], only: undefined }],
    [{ stage: "precommit" }, { target: 2, rungs: [0, 1, 2], only: undefined }],
    [{ only: "7, 4,4" }, { target: 7, rungs: [4, 7], only: [4, 7] }],
  ])("%j", (flags, selection) => {
    expect(selectRungs(flags)).toEqual(selection);
  });
});
