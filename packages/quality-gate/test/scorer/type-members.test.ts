// Members of exported type-literal aliases are scored like interface members, and the exports of a
// namespace merged with a class, a function or an enum like the namespace's own (in the binder's
// order, which takes function declarations first).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreRepository } from "../support/score-repository.js";

const root = fileURLToPath(new URL("../fixtures/scorer-type-members", import.meta.url));

describe("members of type literals and merged namespaces", () => {
  it("scores each member under Owner.member, with the checks of its kind", () => {
    const { symbols } = scoreRepository(root);
    const rows = symbols.map((s) => [s.name, s.kind, s.doc.missing, s.types.missing]);
    expect(rows).toEqual([
      ["Options", "type", [], []],
      ["Options.retries", "property", [], []],
      ["Options.timeout", "property", ["summary"], []],
      ["Options.onTry", "method", [], []],
      [
        "Options.map",
        "method",
        ["param:value", "returns"],
        ["param-type:value", "any:param:value"],
      ],
      ["Shape", "type", [], ["any:shape"]],
      ["Shape.name", "property", [], []],
      ["Parser", "class", [], []],
      ["Parser.parse", "method", [], []],
      ["Parser.create", "method", [], []],
      ["Parser.of", "function", ["summary", "returns", "example"], []],
      ["Parser.blank", "variable", [], []],
      ["tag", "function", [], []],
      ["tag.prefix", "variable", [], []],
      ["Level", "enum", [], []],
      ["Level.Quiet", "enum-member", [], []],
      ["Level.fallback", "variable", [], []],
    ]);
  });
});
