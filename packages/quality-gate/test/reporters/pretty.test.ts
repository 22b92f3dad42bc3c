import { describe, expect, it } from "vitest";
import { prettyReporter } from "../../src/reporters/pretty.js";
import { toolFailure } from "../../src/rungs/tool-failure.js";
import { finding, sampleReport } from "./sample-report.js";

const render = (report: ReturnType<typeof sampleReport>): string =>
  prettyReporter.render(report, { color: false });

describe("pretty", () => {
  it("groups findings by file, in file then line order", () => {
    const text = render(
      sampleReport([
        finding({ file: "src/b.ts", line: 9 }),
        finding({ file: "src/a.ts", line: 3 }),
        finding({ file: "src/b.ts", line: 2 }),
      ]),
    );
    const order = ["src/a.ts", "  3:", "src/b.ts", "  2:", "  9:"].map((part) =>
      text.indexOf(part),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("Findings (3)");
  });

  it("says when not even rung 0 was reached, and why", () => {
    const report = sampleReport([finding({})], -1);
    expect(render(report)).toMatch(/Reached nothing \(rung 0 \w[\w-]*\); target \d: not met\./);
  });

  it("colours only when asked", () => {
    const report = sampleReport([]);
    const escape = String.fromCharCode(27);
    expect(prettyReporter.render(report, { color: true })).toContain(`${escape}[`);
    expect(render(report)).not.toContain(escape);
  });
});

describe("toolFailure", () => {
  it("reports the first line of the tool's error as a rung finding", () => {
    const outcome = toolFailure(2, "eslint", new Error("config broken\n    at stack"));
    expect(outcome.status).toBe("failed");
    expect(outcome.findings[0]).toMatchObject({
      ruleId: "eslint/tool-failed",
      rung: 2,
      file: ".",
    });
    expect(outcome.findings[0]?.message).toMatch(
      /^eslint could not run: config broken\. Fix its/,
    );
  });

  it("accepts a thrown non-Error", () => {
    expect(toolFailure(1, "prettier", "boom").findings[0]?.message).toMatch(
      /^prettier could not run: boom\./,
    );
  });
});
