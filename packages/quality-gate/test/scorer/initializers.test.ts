// Exported values and class properties typed by their initializers: `as T`, `as const`, object
// literals, and `satisfies`, which is transparent (typed exactly when its operand is).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreRepository } from "../support/score-repository.js";

const root = fileURLToPath(new URL("../fixtures/scorer-initializers", import.meta.url));

describe("initializers that fix a type", () => {
  it("count as typed where isolatedDeclarations could write the type, and satisfies is transparent", () => {
    const { symbols } = scoreRepository(root);
    expect(symbols.map((symbol) => [symbol.name, symbol.types.missing])).toEqual([
      ["Options", []],
      ["Options.retries", []],
      ["asserted", []],
      ["angled", []],
      ["frozen", []],
      ["frozenCall", ["property-type:frozenCall"]],
      ["checked", []],
      ["checkedCall", ["property-type:checkedCall"]],
      ["plain", []],
      ["list", ["property-type:list"]],
      ["handlers", []],
      ["greeting", ["property-type:greeting"]],
      ["Settings", []],
      ["Settings.options", []],
      ["Settings.label", []],
      ["Settings.loaded", ["property-type:loaded"]],
    ]);
    expect(symbols.every((symbol) => symbol.doc.missing.length === 0)).toBe(true);
  });
});
