import { describe, expect, it } from "vitest";
import { parseQualifiedName, qualifiedName } from "../../src/scorer/qualified-name.js";

describe("qualifiedName", () => {
  it.each<[string, string | undefined, string]>([
    ["foo", undefined, "foo"],
    ["foo", ".", "foo"],
    ["TtlCache.get", "./sub", "./sub:TtlCache.get"],
    ["default", "./features/a", "./features/a:default"],
  ])("spells %s of %s as %s", (name, entry, spelled) => {
    expect(qualifiedName(name, entry)).toBe(spelled);
    expect(parseQualifiedName(spelled).name).toBe(name);
  });

  it("reads the subpath of a qualified query, and none of a plain one", () => {
    expect(parseQualifiedName("./sub:foo")).toEqual({ name: "foo", entry: "./sub" });
    expect(parseQualifiedName(".:foo")).toEqual({ name: "foo", entry: "." });
    expect(parseQualifiedName("foo")).toEqual({ name: "foo" });
    expect(parseQualifiedName("Rich.[Symbol.iterator]")).toEqual({
      name: "Rich.[Symbol.iterator]",
    });
  });
});
