import { describe, expect, it } from "vitest";
import { TemplateNameError, totalTemplateName } from "../src/template-name.js";

describe("totalTemplateName", () => {
  it("adds quantity × unit price over every line", () => {
    const lines = [
      { quantity: 2, unitPrice: 150 },
      { quantity: 1, unitPrice: 99 },
    ];
    expect(totalTemplateName(lines)).toBe(399);
  });

  it("totals an empty list to 0", () => {
    expect(totalTemplateName([])).toBe(0);
  });

  it("names the bad line and field", () => {
    const lines = [
      { quantity: 1, unitPrice: 10 },
      { quantity: -1, unitPrice: 10 },
    ];
    expect(() => totalTemplateName(lines)).toThrow(TemplateNameError);
    expect(() => totalTemplateName(lines)).toThrow(/line 1: quantity must be a non-negative/);
  });

  it("rejects a fractional price, and says where", () => {
    try {
      totalTemplateName([{ quantity: 1, unitPrice: 0.5 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateNameError);
      expect((error as TemplateNameError).index).toBe(0);
    }
  });
});
