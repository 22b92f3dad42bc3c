// The baseline ratchet: known findings tolerated, new ones not, moves harmless, corrupt files
// refused and left untouched, and updates that only ever shrink the file without --force.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  applyBaseline,
  baselineKey,
  BaselineError,
  readBaseline,
  updateBaseline,
  writeBaseline,
} from "../../src/baseline/baseline.js";
import type { BaselineFinding } from "../../src/baseline/baseline.js";

const undocumented: BaselineFinding = {
  ruleId: "documented/summary",
  file: "src/old.ts",
  symbol: "oldThing",
  package: "p",
  code: "summary",
  message: "Add a TSDoc comment to oldThing.",
};
const lint: BaselineFinding = {
  ruleId: "eslint/no-unused-vars",
  file: "src/a.ts",
  symbol: null,
  message: "'x' is assigned a value but never used.",
};
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-baseline-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("baselineKey", () => {
  it("keys symbol findings by package, name, overload and code, not by file or line", () => {
    expect(baselineKey(undocumented)).toBe("symbol|p|oldThing||summary");
    expect(baselineKey({ ...undocumented, file: "src/moved/old.ts" })).toBe(
      baselineKey(undocumented),
    );
    expect(baselineKey({ ...undocumented, overload: 1 })).toBe("symbol|p|oldThing|1|summary");
  });

  it("keys file findings by rule, file and message, with whitespace and line endings folded", () => {
    expect(baselineKey({ ...lint, message: "'x' is assigned\r\n a value but never used." })).toBe(
      baselineKey(lint),
    );
  });
});

describe("applyBaseline", () => {
  it("tolerates recorded findings, fails new ones, and lists the fixed", () => {
    const baseline = updateBaseline(undefined, [undocumented, lint], false);
    const fresh = { ...undocumented, symbol: "newThing" };
    const result = applyBaseline([{ ...undocumented, file: "src/moved.ts" }, fresh], baseline);
    expect(result.known).toHaveLength(1);
    expect(result.fresh).toEqual([fresh]);
    expect(result.fixed.map((entry) => entry.key)).toEqual([baselineKey(lint)]);
  });

  it("treats every finding as new when there is no baseline", () => {
    expect(applyBaseline([lint], undefined).fresh).toEqual([lint]);
  });
});

describe("updateBaseline", () => {
  it("only removes fixed entries, never adds, without force", () => {
    const baseline = updateBaseline(undefined, [undocumented, lint], false);
    const next = updateBaseline(baseline, [undocumented, { ...lint, file: "src/b.ts" }], false);
    expect(next.entries.map((entry) => entry.key)).toEqual([baselineKey(undocumented)]);
    const emptied = updateBaseline({ version: 1, entries: [] }, [lint], false);
    expect(emptied.entries).toEqual([]);
  });

  it("records today's findings as they are with force", () => {
    const baseline = updateBaseline(undefined, [undocumented], false);
    expect(updateBaseline(baseline, [lint, lint], true).entries.map((e) => e.key)).toEqual([
      baselineKey(lint),
    ]);
  });
});

describe("reading and writing", () => {
  it("round-trips through the file and reads a missing file as no baseline", () => {
    const file = join(dir, "baseline.json");
    expect(readBaseline(file)).toBeUndefined();
    const baseline = updateBaseline(undefined, [lint, undocumented], false);
    writeBaseline(file, baseline);
    expect(readBaseline(file)).toEqual(baseline);
  });

  it.each([
    ["not JSON", "{ nope"],
    ["the wrong version", '{ "version": 2, "entries": [] }'],
    ["a malformed entry", '{ "version": 1, "entries": [{ "key": 1 }] }'],
    ["an array", "[]"],
  ])("refuses %s with CORRUPT_BASELINE and leaves the file untouched", (_, text) => {
    const file = join(dir, "baseline.json");
    writeFileSync(file, text);
    expect(() => readBaseline(file)).toThrow(BaselineError);
    expect(() => readBaseline(file)).toThrow(
      /is not a quality-gate baseline.*restore it from git/,
    );
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("reports an unreadable baseline (a directory) as UNREADABLE_BASELINE", () => {
    expect(() => readBaseline(dir)).toThrow(
      expect.objectContaining({ code: "UNREADABLE_BASELINE" }),
    );
  });
});

describe("a run of some rungs", () => {
  const typed: BaselineFinding = { ...undocumented, rung: 7 };
  const lintOnRung2: BaselineFinding = { ...lint, rung: 2 };
  const ranOnly7 = (rung: number): boolean => rung === 7;

  it("neither counts nor removes the entries of rungs that did not run", () => {
    const baseline = updateBaseline(undefined, [typed, lintOnRung2], false);
    expect(baseline.entries.map((entry) => entry.rung)).toEqual([2, 7]);
    expect(applyBaseline([], baseline, ranOnly7).fixed.map((entry) => entry.rung)).toEqual([7]);
    expect(updateBaseline(baseline, [], false, ranOnly7).entries.map((e) => e.rung)).toEqual([2]);
    const forced = updateBaseline(baseline, [{ ...typed, symbol: "other" }], true, ranOnly7);
    expect(forced.entries.map((entry) => entry.ruleId)).toEqual([lint.ruleId, typed.ruleId]);
  });

  it("refuses an entry whose rung is not a number", () => {
    const file = join(dir, "bad-rung.json");
    const entry = { key: "k", ruleId: "r", file: "f", message: "m", rung: "7" };
    writeFileSync(file, JSON.stringify({ version: 1, entries: [entry] }));
    expect(() => readBaseline(file)).toThrow(BaselineError);
  });
});

describe("baseline keys and ordering", () => {
  it("keys a symbol's finding by rule when it has no code, and without a package", () => {
    expect(
      baselineKey({ ruleId: "typed/return", file: "src/a.ts", symbol: "get", message: "x" }),
    ).toBe("symbol||get||typed/return");
    expect(baselineKey({ ...undocumented, overload: 2 })).toBe("symbol|p|oldThing|2|summary");
  });

  it("judges every entry when no rung list is given, and writes entries sorted by key", () => {
    const other = { ...lint, file: "src/0.ts", rung: 2 };
    const baseline = updateBaseline(undefined, [lint, other, lint], false);
    expect(updateBaseline(baseline, [lint], false).entries).toHaveLength(1);
    expect(baseline.entries.map((entry) => entry.file)).toEqual(["src/0.ts", "src/a.ts"]);
    expect(applyBaseline([lint], baseline)).toMatchObject({
      fresh: [],
      known: [lint],
      fixed: [{ file: "src/0.ts" }],
    });
  });

  it.each(["null", '{ "version": 1, "entries": [null] }'])(
    "refuses a baseline file that holds no object where one belongs (%s)",
    (text) => {
      const file = join(mkdtempSync(join(tmpdir(), "qg-baseline-null-")), "b.json");
      writeFileSync(file, `${text}\n`);
      expect(() => readBaseline(file)).toThrow(BaselineError);
    },
  );
});
