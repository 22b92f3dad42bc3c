import { describe, expect, it } from "vitest";
import { NO_DOC, readTsdoc } from "../../src/scorer/read-tsdoc.js";

describe("readTsdoc", () => {
  it("reads a missing comment as no documentation", () => {
    expect(readTsdoc(undefined)).toEqual({
      doc: NO_DOC,
      internal: false,
      packageDocumentation: false,
    });
  });

  it("reads the summary as plain text, with link text and code spans", () => {
    const { doc } = readTsdoc("/**\n * Stores `value` in a {@link TtlCache} for\n * later.\n */");
    expect(doc.summary).toBe("Stores value in a TtlCache for later.");
  });

  it("renders links by their text, their URL, or their code reference", () => {
    const { doc } = readTsdoc(
      "/** See {@link https://example.com | the site}, {@link https://example.com/raw} and {@link Foo.bar}. */",
    );
    expect(doc.summary).toBe("See the site, https://example.com/raw and Foo.bar.");
  });

  it("reads @param blocks, @returns, @example and @throws", () => {
    const { doc } = readTsdoc(
      "/**\n * Does it.\n * @param a - the a\n * @param b -\n * @returns x\n * @throws TypeError when\n * @example\n * it()\n * @example\n * it()\n */",
    );
    expect(doc).toMatchObject({
      present: true,
      params: [
        { name: "a", described: true },
        { name: "b", described: false },
      ],
      hasReturns: true,
      hasThrows: true,
      examples: 2,
      syntaxErrors: [],
    });
  });

  it("counts an empty @returns or @throws (as quality-gate fix drafts them) as missing", () => {
    const { doc } = readTsdoc(
      "/**\n * Does it.\n *\n * @param a -\n * @returns\n * @throws\n */",
    );
    expect(doc).toMatchObject({
      params: [{ name: "a", described: false }],
      hasReturns: false,
      hasThrows: false,
      syntaxErrors: [],
    });
  });

  it("reads JSDoc-style names: property paths, optional names and defaults", () => {
    const { doc } = readTsdoc(
      "/**\n * Does it.\n * @param options - the options\n * @param options.x - the x\n" +
        ' * @param [options.y="a b"] - the y\n * @param [z=1] - the z\n * @param {string} w.v -\n' +
        " * @param - nameless\n */",
    );
    expect(doc.params).toEqual([
      { name: "options", described: true },
      { name: "options.x", described: true },
      { name: "options.y", described: true },
      { name: "z", described: true },
      { name: "w.v", described: false },
    ]);
    // TSDoc rejects them; the rubric's tsdoc-syntax check still says so.
    expect(doc.syntaxErrors.length).toBeGreaterThan(0);
  });

  it("reports unknown tags and missing hyphens as syntax errors", () => {
    const { doc } = readTsdoc("/**\n * Does it.\n * @param a the a\n * @default 5\n */");
    expect(doc.syntaxErrors).toHaveLength(2);
    expect(doc.syntaxErrors.join("\n")).toMatch(/@default/);
  });

  it("reads the @internal and @packageDocumentation modifiers", () => {
    expect(readTsdoc("/** @internal */").internal).toBe(true);
    expect(
      readTsdoc("/**\n * A package.\n * @packageDocumentation\n */").packageDocumentation,
    ).toBe(true);
  });
});
