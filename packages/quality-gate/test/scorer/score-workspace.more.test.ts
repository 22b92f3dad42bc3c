// The rest of the export shapes: namespaces, `export default <expression>`, static and computed
// members, constructor and method overloads, setter-only accessors, interface methods, and the
// members that are not public (private, protected, #private, index signatures).
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { collectWorkspace, scoreCollected } from "../../src/scorer/score-workspace.js";
import type { CollectedWorkspace } from "../../src/scorer/score-workspace.js";
import { checkSecurity } from "../../src/secure/check-security.js";
import { createProgram } from "../../src/ladder/create-program.js";
import { discoverProject } from "../../src/project/discover-project.js";

const root = fileURLToPath(new URL("../fixtures/scorer-more", import.meta.url));
let workspace: CollectedWorkspace;

beforeAll(() => {
  workspace = collectWorkspace([createProgram(root)], discoverProject(root));
});

describe("scoring the rest of the shapes", () => {
  it("finds exactly the public symbols, with the exact missing codes", () => {
    const symbols = scoreCollected(workspace).symbols.map((s) => [
      s.name,
      s.kind,
      s.overload,
      s.doc.missing,
      s.types.missing,
    ]);
    expect(symbols).toEqual([
      ["Shapes.square", "function", undefined, [], []],
      ["Shapes.unit", "variable", undefined, [], []],
      ["default", "variable", undefined, [], []],
      ["Rich", "class", undefined, [], []],
      ["Rich.constructor", "constructor", 0, [], []],
      ["Rich.constructor", "constructor", 1, [], []],
      ["Rich.create", "method", undefined, [], []],
      ["Rich.size", "accessor", undefined, [], []],
      ["Rich.format", "method", 0, [], []],
      ["Rich.format", "method", 1, [], []],
      ["Rich.[Symbol.iterator]", "method", undefined, ["returns"], []],
      ["Api", "interface", undefined, [], []],
      ["Api.get", "method", undefined, ["returns"], []],
      ["Api.post", "method", undefined, ["param:body", "returns"], ["any:return"]],
      ["parseArrow", "function", undefined, ["example"], []],
      ["Loader", "class", undefined, [], []],
      ["Loader.load", "method", undefined, [], []],
      ["Loader.loadUnknown", "method", undefined, [], []],
    ]);
  });

  it("falls back to package.json main when there is no exports map", () => {
    expect(scoreCollected(workspace).packages[0]?.entryFiles).toEqual(["src/index.ts"]);
  });

  it("finds JSON.parse leaking from an arrow function and an async method, not from unknown", async () => {
    const problems = await checkSecurity({
      root,
      files: [],
      publicApi: workspace.packages,
      allowSecrets: [],
    });
    expect(problems.map((p) => [p.ruleId, p.file, p.line, p.symbol])).toEqual([
      ["security/unvalidated-json", "src/leaks.ts", 13, "parseArrow"],
      ["security/unvalidated-json", "src/leaks.ts", 32, "Loader.load"],
    ]);
    expect(problems[1]?.message).toMatch(/typed as Promise<Settings>/);
  });
});
