// The rubric as a pure function: tables for each rule, and properties that hold for all facts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, docChecks, scoreSymbol, typeChecks } from "../../src/scorer/rubric.js";
import type { DocFacts, SignatureFacts, SymbolFacts } from "../../src/scorer/symbol-facts.js";

const fullDoc: DocFacts = {
  present: true,
  summary: "Loads a user record from the database.",
  params: [{ name: "id", described: true }],
  hasReturns: true,
  examples: 1,
  hasThrows: true,
  syntaxErrors: [],
};
const signature: SignatureFacts = {
  params: [{ name: "id", typed: true, hasAny: false }],
  declaresReturnType: true,
  returnsNothing: false,
  returnHasAny: false,
  bodyThrows: true,
};
const fn: SymbolFacts = {
  name: "loadUser",
  kind: "function",
  package: "p",
  file: "src/a.ts",
  line: 1,
  doc: fullDoc,
  signature,
};

const missing = (facts: SymbolFacts) => {
  const { doc, types } = scoreSymbol(facts);
  return [...doc.missing, "|", ...types.missing];
};

describe("documentation checks", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["a complete function", {}, ["|"]],
    [
      "no comment at all",
      {
        doc: {
          ...fullDoc,
          present: false,
          summary: "",
          params: [],
          hasReturns: false,
          examples: 0,
          hasThrows: false,
        },
      },
      ["summary", "param:id", "returns", "throws", "example", "|"],
    ],
    [
      "a summary that restates the name",
      { doc: { ...fullDoc, summary: "Loads the user." } },
      ["informative", "|"],
    ],
    [
      "a @param without text",
      { doc: { ...fullDoc, params: [{ name: "id", described: false }] } },
      ["param:id", "|"],
    ],
    [
      "a @param for a parameter that is gone",
      { doc: { ...fullDoc, params: [...fullDoc.params, { name: "old", described: true }] } },
      ["stale-param:old", "|"],
    ],
    [
      "a @param for a property of a parameter (`options.x`) is not stale",
      {
        doc: {
          ...fullDoc,
          params: [...fullDoc.params, { name: "id.kind", described: true }],
        },
      },
      ["|"],
    ],
    [
      "a @param for a property does not document its parameter",
      { doc: { ...fullDoc, params: [{ name: "id.kind", described: true }] } },
      ["param:id", "|"],
    ],
    [
      "a @param for a property of a parameter that is gone",
      {
        doc: {
          ...fullDoc,
          params: [...fullDoc.params, { name: "old[].kind", described: true }],
        },
      },
      ["stale-param:old[].kind", "|"],
    ],
    [
      "a void function needs no @returns",
      {
        doc: { ...fullDoc, hasReturns: false },
        signature: { ...signature, returnsNothing: true },
      },
      ["|"],
    ],
    [
      "a body without throw needs no @throws",
      { doc: { ...fullDoc, hasThrows: false }, signature: { ...signature, bodyThrows: false } },
      ["|"],
    ],
    [
      "a TSDoc syntax error",
      { doc: { ...fullDoc, syntaxErrors: ["unknown tag @default"] } },
      ["tsdoc-syntax", "|"],
    ],
    ["a method needs no @example", { kind: "method", doc: { ...fullDoc, examples: 0 } }, ["|"]],
    [
      "a class needs an @example",
      { kind: "class", signature: undefined, doc: { ...fullDoc, examples: 0 } },
      ["example", "|"],
    ],
    [
      "a constructor needs no @returns",
      { kind: "constructor", doc: { ...fullDoc, hasReturns: false } },
      ["|"],
    ],
  ])("%s", (_, change, expected) => {
    expect(missing({ ...fn, ...change })).toEqual(expected);
  });
});

describe("type checks", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "an inferred return type",
      { signature: { ...signature, declaresReturnType: false } },
      ["|", "return-type"],
    ],
    [
      "an untyped parameter that is any",
      { signature: { ...signature, params: [{ name: "id", typed: false, hasAny: true }] } },
      ["|", "param-type:id", "any:param:id"],
    ],
    ["an any return", { signature: { ...signature, returnHasAny: true } }, ["|", "any:return"]],
    [
      "a function type needs no written return type",
      { kind: "type", signature: { ...signature, declaresReturnType: false } },
      ["|"],
    ],
    [
      "an untyped property",
      {
        kind: "property",
        name: "User.age",
        signature: undefined,
        value: { typed: false, hasAny: false },
        doc: { ...fullDoc, examples: 0 },
      },
      ["|", "property-type:age"],
    ],
    [
      "a type alias with any in its shape",
      { kind: "type", signature: undefined, shapeHasAny: true },
      ["|", "any:shape"],
    ],
  ])("%s", (_, change, expected) => {
    expect(missing({ ...fn, ...change })).toEqual(expected);
  });
});

describe("aggregate", () => {
  it("sums passed checks over applicable checks across symbols", () => {
    const scores = [
      { score: 1, missing: [], passed: 3, applicable: 3 },
      { score: 0, missing: ["summary"], passed: 0, applicable: 1 },
    ];
    expect(aggregate(scores)).toBe(0.75);
  });

  it("is 1 when no check applies", () => {
    expect(aggregate([])).toBe(1);
  });
});

const docFacts: fc.Arbitrary<DocFacts> = fc.record({
  present: fc.boolean(),
  summary: fc.constantFrom("", "Loads it.", "Reads a user from the database by id."),
  params: fc.array(
    fc.record({ name: fc.constantFrom("id", "key", "old"), described: fc.boolean() }),
    { maxLength: 3 },
  ),
  hasReturns: fc.boolean(),
  examples: fc.nat(2),
  hasThrows: fc.boolean(),
  syntaxErrors: fc.array(fc.constant("bad"), { maxLength: 1 }),
});
const symbolFacts: fc.Arbitrary<SymbolFacts> = fc.record({
  name: fc.constantFrom("loadUser", "User.load"),
  kind: fc.constantFrom("function", "method", "constructor", "class", "type", "variable"),
  package: fc.constant("p"),
  file: fc.constant("a.ts"),
  line: fc.constant(1),
  doc: docFacts,
  signature: fc.record({
    params: fc.array(
      fc.record({
        name: fc.constantFrom("id", "key"),
        typed: fc.boolean(),
        hasAny: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    declaresReturnType: fc.boolean(),
    returnsNothing: fc.boolean(),
    returnHasAny: fc.boolean(),
    bodyThrows: fc.boolean(),
  }),
});

describe("properties of the rubric", () => {
  it("keeps every score in [0, 1] and lists exactly the failed checks", () => {
    fc.assert(
      fc.property(symbolFacts, (facts) => {
        const { doc, types } = scoreSymbol(facts);
        for (const score of [doc, types]) {
          expect(score.score).toBeGreaterThanOrEqual(0);
          expect(score.score).toBeLessThanOrEqual(1);
          expect(score.applicable - score.passed).toBe(score.missing.length);
        }
        expect(doc.missing).toEqual(
          docChecks(facts)
            .filter((c) => !c.passed)
            .map((c) => c.code),
        );
        expect(types.missing).toEqual(
          typeChecks(facts)
            .filter((c) => !c.passed)
            .map((c) => c.code),
        );
      }),
    );
  });

  it("never lowers a documentation score when a missing tag is added", () => {
    const addTag = fc.constantFrom(
      "returns",
      "example",
      "throws",
      "param",
    ) as fc.Arbitrary<string>;
    fc.assert(
      fc.property(symbolFacts, addTag, (facts, tag) => {
        const before = scoreSymbol(facts).doc.score;
        const doc = { ...facts.doc, present: true };
        const withTag: DocFacts =
          tag === "returns"
            ? { ...doc, hasReturns: true }
            : tag === "example"
              ? { ...doc, examples: doc.examples + 1 }
              : tag === "throws"
                ? { ...doc, hasThrows: true }
                : { ...doc, params: [...doc.params, ...missingParams(facts)] };
        const present = facts.doc.present ? [] : ["tsdoc-syntax"];
        const after = scoreSymbol({ ...facts, doc: withTag }).doc;
        // Adding a comment where there was none may add the tsdoc-syntax check; with a clean
        // comment that check passes, so the score still cannot fall.
        if (withTag.syntaxErrors.length === 0 || present.length === 0) {
          expect(after.score).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });
});

function missingParams(facts: SymbolFacts): { name: string; described: boolean }[] {
  const documented = new Set(facts.doc.params.filter((p) => p.described).map((p) => p.name));
  return (facts.signature?.params ?? [])
    .filter((param) => !documented.has(param.name))
    .map((param) => ({ name: param.name, described: true }));
}
