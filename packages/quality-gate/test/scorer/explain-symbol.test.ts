// explain: every check of one symbol, passed and failed, with the fix for each failure.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explainSymbol } from "../../src/scorer/explain-symbol.js";
import { fixFor } from "../../src/scorer/fix-for.js";
import { collectWorkspace } from "../../src/scorer/score-workspace.js";
import { createProgram } from "../../src/ladder/create-program.js";
import { discoverProject } from "../../src/project/discover-project.js";

const root = fileURLToPath(new URL("../fixtures/scorer-shapes", import.meta.url));

describe("explainSymbol", () => {
  it("lists every check of a symbol in rubric order, with fixes for the failures", () => {
    const { packages } = collectWorkspace([createProgram(root)], discoverProject(root));
    const facts = packages[0]!.facts.find((symbol) => symbol.name === "Members.increment")!;
    expect(explainSymbol(facts)).toEqual({
      name: "Members.increment",
      kind: "method",
      location: "src/members.ts:27",
      scores: { doc: 3 / 4, types: 1 / 2 },
      checks: [
        { category: "doc", code: "summary", passed: true },
        { category: "doc", code: "informative", passed: true },
        {
          category: "doc",
          code: "returns",
          passed: false,
          fix: "Document the result with `@returns <what it is>`.",
        },
        { category: "doc", code: "tsdoc-syntax", passed: true },
        {
          category: "types",
          code: "return-type",
          passed: false,
          fix: "Declare the return type of Members.increment instead of leaving it inferred.",
        },
        { category: "types", code: "any:return", passed: true },
      ],
    });
  });
});

describe("fixFor", () => {
  it.each([
    ["param:key", "Document the parameter with `@param key - <what it is>`."],
    ["stale-param:old", "Remove `@param old`: there is no parameter `old`."],
    [
      "any:param:key",
      "Replace the `any` in the type of parameter `key` with a precise type, or `unknown` and a type guard.",
    ],
    [
      "any:return",
      "Replace the `any` in the return type with a precise type, or `unknown` and a type guard.",
    ],
    [
      "property-type:size",
      "Give `size` an explicit type annotation (or an initializer that fixes its type: a literal, `as T` or `as const`).",
    ],
    ["mystery", "Fix the mystery check of f."],
    ["summary", "Add a TSDoc comment to f whose first sentence says what it does."],
    [
      "informative",
      "The summary of f only restates its name; say what it does, returns or is for.",
    ],
    ["returns", "Document the result with `@returns <what it is>`."],
    ["example", "Add an `@example` block showing a real use of f."],
    ["throws", "The body throws: document when with `@throws <Error type> when …`."],
    [
      "tsdoc-syntax",
      "Fix the TSDoc syntax: use `@param name - text` (with the hyphen) and only standard tags or those your tsdoc.json defines.",
    ],
    ["return-type", "Declare the return type of f instead of leaving it inferred."],
    ["param-type:a", "Give the parameter `a` an explicit type."],
    [
      "any:value",
      "Replace the `any` in the declared type with a precise type, or `unknown` and a type guard.",
    ],
    [
      "any:shape",
      "Replace the `any` in the type with a precise type, or `unknown` and a type guard.",
    ],
  ])("%s", (code, fix) => {
    expect(fixFor(code, "f")).toBe(fix);
  });
});
