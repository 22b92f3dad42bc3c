// Rung 7's fixes on one file in memory: which tags are drafted where, and what is left.
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/ladder/finding.js";
import { fixDocs } from "../../src/fix/fix-docs.js";
import { fixTypes } from "../../src/fix/fix-types.js";
import {
  declarationName,
  declarationsOf,
  locateDeclaration,
} from "../../src/fix/locate-declaration.js";

function fileOf(text: string) {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, isolatedDeclarations: true, declaration: true },
  });
  return project.createSourceFile("/src/a.ts", text);
}

function finding(symbol: string, line: number, code: string, rung = 7): Finding {
  return {
    ruleId: `documented/${code}`,
    rung,
    file: "src/a.ts",
    line,
    column: 1,
    symbol,
    message: "",
    code,
  };
}

function fix(text: string, findings: readonly Finding[]) {
  const file = fileOf(text);
  const targets = findings.map((f) => {
    const key = locateDeclaration(file, f);
    if (key === undefined) throw new Error(`not located: ${f.symbol ?? ""}`);
    return { finding: f, key };
  });
  const outcomes = fixDocs(file, targets);
  return { text: file.getFullText(), outcomes: outcomes.map((o) => `${o.status}: ${o.note}`) };
}

describe("fixDocs", () => {
  it("turns a one-line comment into a block with a blank line before the drafted tags", () => {
    const result = fix(
      "/** Adds one. */\nexport function inc(by: number): number {\n  return by + 1;\n}\n",
      [finding("inc", 2, "param:by"), finding("inc", 2, "returns")],
    );
    expect(result.text).toBe(
      "/**\n * Adds one.\n *\n * @param by -\n * @returns\n */\nexport function inc(by: number): number {\n  return by + 1;\n}\n",
    );
    expect(result.outcomes).toEqual([
      "drafted: added @param by; its text is yours to write",
      "drafted: added @returns; its text is yours to write",
    ]);
  });

  it("writes a comment of tags alone where there is none, never a summary or an example", () => {
    const result = fix("export const f = (a: string): void => {\n  throw new Error(a);\n};\n", [
      finding("f", 1, "summary"),
      finding("f", 1, "param:a"),
      finding("f", 1, "throws"),
      finding("f", 1, "example"),
    ]);
    expect(result.text).toBe(
      "/**\n * @param a -\n * @throws\n */\nexport const f = (a: string): void => {\n  throw new Error(a);\n};\n",
    );
    expect(result.outcomes).toEqual([
      "left: a summary says what the code is for; only a person can write it",
      "drafted: added @param a; its text is yours to write",
      "drafted: added @throws; its text is yours to write",
      "left: an example shows a real use; only a person can write it",
    ]);
  });

  it("puts a parameter's tag between its neighbours' and keeps tags whose text is missing", () => {
    const text = [
      "/**",
      " * Joins.",
      " * @remarks Slow.",
      " * @param a - the first",
      " * @param c - the third",
      " * @return",
      " * @example x */",
      "export function join(a: string, b: string, c: string): string {",
      "  return a + b + c;",
      "}",
      "",
    ].join("\n");
    const result = fix(text, [finding("join", 8, "param:b"), finding("join", 8, "returns")]);
    expect(result.text).toBe(
      [
        "/**",
        " * Joins.",
        " * @remarks Slow.",
        " * @param a - the first",
        " * @param b -",
        " * @param c - the third",
        " * @return",
        " * @example x",
        " */",
        "export function join(a: string, b: string, c: string): string {",
        "  return a + b + c;",
        "}",
        "",
      ].join("\n"),
    );
    expect(result.outcomes[1]).toBe("left: write the text of its @returns tag");
  });

  it("removes a stale @param, and says so when it cannot find it", () => {
    const text = "/**\n * Old.\n * @param gone - was here\n */\nexport function old(): void {}\n";
    const result = fix(text, [
      finding("old", 5, "stale-param:gone"),
      finding("old", 5, "stale-param:other"),
    ]);
    expect(result.text).toBe("/**\n * Old.\n */\nexport function old(): void {}\n");
    expect(result.outcomes).toEqual([
      "fixed: removed @param gone",
      "left: no @param other tag was found",
    ]);
  });

  it("reads JSDoc's synonyms as the tags they stand for, and leaves checks no tag meets", () => {
    const text = [
      "/**",
      " * Parses.",
      " * @arg input - the text",
      " * @return",
      " * @exception",
      " */",
      "export function parse(input: string, strict: boolean): number {",
      "  if (strict) throw new Error(input);",
      "  return 1;",
      "}",
      "",
    ].join("\n");
    const result = fix(text, [
      finding("parse", 7, "param:input"),
      finding("parse", 7, "returns"),
      finding("parse", 7, "throws"),
      finding("parse", 7, "tsdoc-syntax"),
    ]);
    expect(result.text).toBe(text);
    expect(result.outcomes).toEqual([
      "left: write the text of its @param tag",
      "left: write the text of its @returns tag",
      "left: write the text of its @throws tag",
      "left: not a tag the signature determines; see the finding's message",
    ]);
  });

  it("reads @argument and @throw too", () => {
    const text =
      "/**\n * Checks.\n * @argument value\n * @throw\n */\nexport function check(value: string): void {\n  throw new Error(value);\n}\n";
    const result = fix(text, [finding("check", 6, "param:value"), finding("check", 6, "throws")]);
    expect(result.text).toBe(text);
    expect(result.outcomes).toEqual([
      "left: write the text of its @param tag",
      "left: write the text of its @throws tag",
    ]);
  });

  it("leaves a finding whose declaration has moved since the check, saying so", () => {
    const file = fileOf(
      "/** Adds. */\nexport function add(a: number): number {\n  return a;\n}\n",
    );
    const moved = { index: 0, name: "renamed" };
    const outcomes = fixDocs(file, [{ finding: finding("add", 2, "param:a"), key: moved }]);
    expect(outcomes.map((o) => `${o.status}: ${o.note}`)).toEqual([
      "left: its declaration was not found",
    ]);
    expect(file.getFullText()).toContain("/** Adds. */\nexport function add");
  });

  it("drafts @returns on a value that is no function, with no @param to place", () => {
    const result = fix("export const limit = 5;\n", [finding("limit", 1, "returns")]);
    expect(result.text).toBe("/**\n * @returns\n */\nexport const limit = 5;\n");
  });

  it("writes a new comment under the file's @packageDocumentation, not into it", () => {
    const text =
      "/**\n * The package.\n *\n * @packageDocumentation\n */\nexport function f(x: number): void {}\n";
    const result = fix(text, [finding("f", 6, "param:x")]);
    expect(result.text).toContain(
      "@packageDocumentation\n */\n/**\n * @param x -\n */\nexport function f",
    );
  });

  it("drafts tags on overloads, members and function-type aliases by the scorer's names", () => {
    const text = [
      "/** Cls. */",
      "export class C {",
      "  /** Make. */",
      "  constructor(readonly n: number) {}",
      "  /** Get. */",
      "  [Symbol.iterator](): Iterator<number> { return [this.n][Symbol.iterator](); }",
      "}",
      "/** A callback. */",
      "export type Cb = (this: void, value: number) => void;",
      "",
    ].join("\n");
    const file = fileOf(text);
    expect(declarationsOf(file).map(declarationName)).toEqual([
      "C",
      "constructor",
      "[Symbol.iterator]",
      "Cb",
    ]);
    const result = fix(text, [
      finding("C.constructor", 4, "param:n"),
      finding("Cb", 9, "param:value"),
    ]);
    expect(result.text).toContain(
      "  /**\n   * Make.\n   *\n   * @param n -\n   */\n  constructor",
    );
    expect(result.text).toContain(
      "/**\n * A callback.\n *\n * @param value -\n */\nexport type Cb",
    );
  });
});

describe("fixTypes", () => {
  it("leaves what is not a missing type, and a declaration TypeScript needs no annotation on", () => {
    const file = fileOf("export const n = 1;\nexport function f(x) { return x; }\n");
    const at = (symbol: string, line: number, code: string) => {
      const f = finding(symbol, line, code, 4);
      const key = locateDeclaration(file, f);
      if (key === undefined) throw new Error("not located");
      return { finding: f, key };
    };
    const outcomes = fixTypes(
      file,
      [
        at("n", 1, "property-type:n"),
        at("f", 2, "param-type:x"),
        at("f", 2, "any:param:x"),
        at("f", 2, "tsdoc-syntax"),
      ],
      { maxWidth: 100 },
    );
    expect(outcomes.map((o) => o.note)).toEqual([
      "TypeScript sees no annotation missing here",
      expect.stringContaining("a parameter's type is what its author means to accept"),
      expect.stringContaining("the type is any"),
      "not a declaration's missing type",
    ]);
    expect(locateDeclaration(file, finding("n", 2, "property-type:n", 4))).toBeUndefined();
  });
});
