// The markdown format: a pull-request comment whose structure (headline, ladder table, score card,
// findings by file, the cap) is asserted line by line.
import { describe, expect, it } from "vitest";
import { markdownReporter, renderMarkdown } from "../../src/reporters/markdown.js";
import { finding, sampleReport } from "./sample-report.js";

describe("renderMarkdown", () => {
  const report = sampleReport([
    finding({ file: "src/b.ts", line: 2 }),
    finding({ file: "src/a.ts", line: 9, message: "first line\nsecond | line" }),
    finding({ file: "src/a.ts", line: 1, ruleId: "prettier/format", rung: 1 }),
  ]);
  const lines = renderMarkdown(report).split("\n");

  it("opens with the verdict, the reached rung and the target", () => {
    expect(lines[0]).toBe("## quality-gate: ❌ Reached 1 — formatted; target 7: not met.");
    expect(renderMarkdown(sampleReport([], 7)).split("\n")[0]).toBe(
      "## quality-gate: ✅ Reached 7 — documented; target 7: passed.",
    );
    expect(renderMarkdown(sampleReport([], -1)).split("\n")[0]).toBe(
      "## quality-gate: ❌ Reached nothing (rung 0 failed); target 7: not met.",
    );
  });

  it("has a ladder table with one row per rung and the tool that ran it", () => {
    const start = lines.indexOf("| Rung | Name | Status | Time | Tool |");
    expect(lines.slice(start + 1, start + 5)).toEqual([
      "| ---: | --- | --- | ---: | --- |",
      "| 0 | compiles | ✅ passed | 1.2 s |  |",
      "| 1 | formatted | ✅ passed | 1.2 s |  |",
      "| 2 | linted | ❌ failed | 1.2 s |  |",
    ]);
    expect(lines[start + 9]).toBe("| 7 | documented | – not run |  |  |");
    const withTool = {
      ...report,
      rungs: report.rungs.map((rung) =>
        rung.id === 1
          ? {
              ...rung,
              tool: { name: "prettier", version: "3.3.3", source: "repository" as const },
            }
          : rung,
      ),
    };
    expect(renderMarkdown(withTool).split("\n")).toContain(
      "| 1 | formatted | ✅ passed | 1.2 s | prettier 3.3.3 |",
    );
  });

  it("has a score card that says what was not measured", () => {
    const start = lines.indexOf("| Category | Score |");
    expect(lines.slice(start + 2, start + 7)).toEqual([
      "| Documentation | 0.88 |",
      "| Types | 1.00 |",
      "| Tests | not measured |",
      "| Lint | 0.00 |",
      "| **Overall** | 0.63 |",
    ]);
  });

  it("groups findings by file, sorted by file then line, each on one line", () => {
    const start = lines.indexOf("### Findings (3)");
    expect(lines.slice(start + 2)).toEqual([
      "**`src/a.ts`**",
      "",
      "- `1:5` rung 1 `prettier/format` — Unexpected var, use let or const instead.",
      "- `9:5` rung 2 `eslint/no-var` — first line second \\| line",
      "",
      "**`src/b.ts`**",
      "",
      "- `2:5` rung 2 `eslint/no-var` — Unexpected var, use let or const instead.",
      "",
    ]);
  });

  it("caps the list and counts the rest", () => {
    const many = sampleReport(Array.from({ length: 5 }, (_, i) => finding({ line: i + 1 })));
    const text = renderMarkdown(many, 2);
    expect(text.match(/^- /gm)).toHaveLength(2);
    expect(text).toContain("\n…and 3 more (see the full report).\n");
    expect(markdownReporter.render(many, { color: true })).not.toContain("more (see");
  });

  it("says so when there is nothing to fix", () => {
    expect(renderMarkdown(sampleReport([], 7))).toMatch(/### Findings \(0\)\n\nNo findings\.\n$/);
  });
});

describe("a scoped run", () => {
  it("says under the headline what was gated, in markdown and in pretty", async () => {
    const { prettyReporter } = await import("../../src/reporters/pretty.js");
    const report = { ...sampleReport([]), gate: { since: "origin/main", tolerated: 2 } };
    const sentence =
      "Gated: changes since origin/main; 2 known findings tolerated by the baseline.";
    expect(renderMarkdown(report).split("\n").slice(0, 4)).toContain(sentence);
    expect(prettyReporter.render(report, { color: false })).toContain(`${sentence}\nReached`);
  });
});
