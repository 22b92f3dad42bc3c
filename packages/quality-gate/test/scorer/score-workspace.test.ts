// The scorer on a fixture with one source file per export shape: every public symbol, with the
// exact `missing` codes the rubric must report for it.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreWorkspace } from "../../src/scorer/score-workspace.js";
import type { WorkspaceScore } from "../../src/scorer/score-workspace.js";
import { createProgram } from "../../src/ladder/create-program.js";
import { discoverProject } from "../../src/project/discover-project.js";

const root = fileURLToPath(new URL("../fixtures/scorer-shapes", import.meta.url));
let result: WorkspaceScore;

beforeAll(() => {
  result = scoreWorkspace([createProgram(root)], discoverProject(root));
});

/** [name, kind, overload, doc missing, types missing], in discovery order. */
const EXPECTED: [string, string, number | undefined, string[], string[]][] = [
  ["renamed", "function", undefined, ["example"], []],
  ["ns.inner", "variable", undefined, [], []],
  ["ns.computed", "variable", undefined, [], ["property-type:computed"]],
  ["imported", "function", undefined, ["example"], []],
  [
    "default",
    "function",
    undefined,
    ["summary", "param:input", "returns", "example"],
    ["return-type"],
  ],
  ["overloaded", "function", 0, ["throws"], []],
  ["overloaded", "function", 1, ["returns", "throws", "example"], []],
  ["Merged", "interface", undefined, [], []],
  ["Merged.first", "property", undefined, [], []],
  ["Merged.second", "property", undefined, ["summary"], []],
  ["Accessors", "class", undefined, [], []],
  ["Accessors.value", "accessor", undefined, [], []],
  [
    "Accessors.writeOnly",
    "accessor",
    undefined,
    ["summary"],
    ["property-type:writeOnly", "any:value"],
  ],
  ["Color", "enum", undefined, [], []],
  ["Color.Red", "enum-member", undefined, [], []],
  ["Color.Green", "enum-member", undefined, ["summary"], []],
  ["Partly", "class", undefined, [], []],
  ["Partly.shown", "method", undefined, [], []],
  ["arrow", "function", undefined, [], []],
  ["arrowUntyped", "function", undefined, [], ["return-type"]],
  ["Members", "class", undefined, [], []],
  ["Members.count", "property", undefined, [], []],
  ["Members.label", "property", undefined, [], ["property-type:label"]],
  ["Members.constructor", "constructor", undefined, [], []],
  ["Members.increment", "method", undefined, ["returns"], ["return-type"]],
  ["Members.zero", "method", undefined, [], []],
  ["Callback", "type", undefined, ["param:index", "returns"], []],
  ["list", "function", undefined, [], ["any:return"]],
  ["loadAny", "function", undefined, [], ["return-type", "any:return"]],
  ["starDoubled", "function", undefined, [], []],
  [
    "starUndocumented",
    "function",
    undefined,
    ["param:a", "param:b", "returns", "example"],
    ["return-type", "param-type:b", "any:param:b", "any:return"],
  ],
  ["starScaled", "function", undefined, ["stale-param:factor", "tsdoc-syntax"], []],
  ["getFoo", "function", undefined, ["informative"], []],
  ["fromA", "variable", undefined, [], []],
  ["fromB", "variable", undefined, [], []],
  ["extraOnly", "variable", undefined, [], []],
];

describe("scoreWorkspace on every export shape", () => {
  it("finds exactly the public symbols, with the exact missing codes", () => {
    const actual = result.symbols.map((s) => [
      s.name,
      s.kind,
      s.overload,
      s.doc.missing,
      s.types.missing,
    ]);
    expect(actual).toEqual(EXPECTED);
  });

  it("scores a symbol reachable under two names once, under its first public name", () => {
    const names = result.symbols.map((symbol) => symbol.name);
    expect(names).toContain("renamed");
    expect(names).not.toContain("alias");
    expect(names.filter((name) => name === "starDoubled")).toHaveLength(1);
  });

  it("reports @internal symbols apart, with their location", () => {
    expect(result.internal).toEqual([
      { name: "hidden", package: "shapes", file: "src/internal.ts", line: 2 },
      { name: "Partly.secret", package: "shapes", file: "src/internal.ts", line: 14 },
    ]);
  });

  it("locates each symbol by file and line relative to the repository root", () => {
    const get = result.symbols.find((symbol) => symbol.name === "Members.increment");
    expect(get).toMatchObject({ package: "shapes", file: "src/members.ts", line: 27 });
  });

  it("scores each category as passed checks over applicable checks", () => {
    expect(result.documentation).toBeGreaterThan(0.7);
    expect(result.documentation).toBeLessThan(1);
    expect(result.types).toBeGreaterThan(0.7);
    expect(result.types).toBeLessThan(1);
  });

  it("maps every exports subpath back to source and reports the one that leads nowhere", () => {
    expect(result.packages).toEqual([
      {
        name: "shapes",
        dir: ".",
        entryFiles: ["src/index.ts", "src/extra.ts"],
        outsideProjects: [],
        unresolvedExports: ["./dist/missing.js"],
        hasPackageDocumentation: true,
      },
    ]);
  });
});
