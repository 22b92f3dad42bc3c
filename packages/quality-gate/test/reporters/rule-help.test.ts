// Rule descriptions and advice: one per tool prefix, the rubric's own advice for rungs 4 and 7.
import { describe, expect, it } from "vitest";
import { ruleHelp } from "../../src/reporters/rule-help.js";

describe("ruleHelp", () => {
  it.each([
    ["typescript/TS2322", "TS2322", "tsc --noEmit"],
    ["prettier/format", "Prettier", "prettier --write"],
    ["eslint/no-var", "no-var", "eslint --fix"],
    ["vitest/failed-test", "failed-test", "vitest run"],
    ["typed/return-type", "typed/return-type", "Declare the return type"],
    ["documented/param", "documented/param", "@param"],
    ["typed/unresolved-export", "typed/unresolved-export", "set entryPoints"],
    ["security/no-eval", "no-eval", "validate parsed JSON"],
    ["observable/unemitted-channel", "unemitted-channel", "telemetry channel"],
    ["eslint/tool-failed", "eslint could not run", "configuration or installation"],
    ["custom/thing", "custom/thing", "finding's message"],
    ["bare", "bare", "finding's message"],
  ])("explains %s", (ruleId, inDescription, inHelp) => {
    const { description, help } = ruleHelp(ruleId);
    expect(description).toContain(inDescription);
    expect(help).toContain(inHelp);
  });

  it("links ESLint core and typescript-eslint rules to their documentation, not plugin rules", () => {
    expect(ruleHelp("eslint/no-var").helpUri).toBe("https://eslint.org/docs/latest/rules/no-var");
    expect(ruleHelp("eslint/@typescript-eslint/no-explicit-any").helpUri).toBe(
      "https://typescript-eslint.io/rules/no-explicit-any",
    );
    expect(ruleHelp("eslint/import/no-cycle").helpUri).toBeUndefined();
    expect(ruleHelp("prettier/format").helpUri).toBeUndefined();
  });
});
