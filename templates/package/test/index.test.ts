import { describe, expect, it } from "vitest";
import { describeTemplateName } from "../src/index.js";

describe("describeTemplateName", () => {
  it("shows the name, then the tags in order", () => {
    expect(describeTemplateName({ name: "first", tags: ["new", "sale"] })).toBe(
      "first (new, sale)",
    );
  });

  it("shows just the name when there are no tags", () => {
    expect(describeTemplateName({ name: "first", tags: [] })).toBe("first");
  });

  it("refuses an empty name", () => {
    expect(() => describeTemplateName({ name: "", tags: [] })).toThrow(RangeError);
  });
});
