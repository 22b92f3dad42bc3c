// JSDoc-style `@param` names: `options.x` documents a property of `options` (not a stale
// parameter, not a parameter with an empty name), `[x=1]` the optional parameter `x`. TSDoc's
// syntax complaint about them stands.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreRepository } from "../support/score-repository.js";

const root = fileURLToPath(new URL("../fixtures/scorer-param-names", import.meta.url));

describe("dotted and optional @param names", () => {
  it("match their parameter, and the parameter still needs its own @param", () => {
    const { symbols } = scoreRepository(root);
    const functions = symbols.filter((symbol) => symbol.kind === "function");
    expect(functions.map((s) => [s.name, s.doc.missing, s.types.missing])).toEqual([
      ["retry", ["tsdoc-syntax"], []],
      ["wait", ["param:options", "tsdoc-syntax"], []],
      ["count", ["stale-param:gone.times", "tsdoc-syntax"], []],
    ]);
  });
});
