// The github format: workflow commands checked byte for byte, escaping as the Actions runner
// unescapes (`%`, CR, LF everywhere; also `:` and `,` in properties).
import { describe, expect, it } from "vitest";
import {
  annotation,
  escapeData,
  escapeProperty,
  githubReporter,
  summaryLine,
} from "../../src/reporters/github.js";
import { finding, sampleReport } from "./sample-report.js";

describe("escaping", () => {
  it("escapes %, CR and LF in messages, % first so escapes are not escaped twice", () => {
    expect(escapeData("100%\r\nnext:a,b")).toBe("100%25%0D%0Anext:a,b");
    expect(escapeData("%0A")).toBe("%250A");
  });

  it("also escapes : and , in property values", () => {
    expect(escapeProperty("C:\\a,b%\n")).toBe("C%3A\\a%2Cb%25%0A");
  });
});

describe("annotation", () => {
  it("renders one error command with file, line, col and a rung + rule title", () => {
    expect(annotation(finding({}))).toBe(
      "::error file=src/index.ts,line=3,col=5,title=rung 2 eslint/no-var::Unexpected var, use let or const instead.",
    );
  });

  it("escapes the file, the title and a multi-line message", () => {
    const line = annotation(
      finding({
        file: "src/a,b:c.ts",
        ruleId: "typescript/TS2322",
        rung: 0,
        message: "Type 'A' is not assignable:\n  50% of it",
      }),
    );
    expect(line).toBe(
      "::error file=src/a%2Cb%3Ac.ts,line=3,col=5,title=rung 0 typescript/TS2322::Type 'A' is not assignable:%0A  50%25 of it",
    );
    expect(line).not.toContain("\n");
  });

  it("gives no place to a finding on the whole repository, such as a tool that could not run", () => {
    expect(annotation(finding({ file: ".", ruleId: "eslint/tool-failed", message: "x" }))).toBe(
      "::error title=rung 2 eslint/tool-failed::x",
    );
  });
});

describe("githubReporter", () => {
  it("prints every finding, then an error summary when the gate fails", () => {
    const report = sampleReport([finding({}), finding({ line: 9, column: 1 })]);
    expect(githubReporter.render(report, { color: true })).toBe(
      [
        "::error file=src/index.ts,line=3,col=5,title=rung 2 eslint/no-var::Unexpected var, use let or const instead.",
        "::error file=src/index.ts,line=9,col=1,title=rung 2 eslint/no-var::Unexpected var, use let or const instead.",
        "::error title=quality-gate::Reached 1 — formatted; target 7: not met; 2 findings.",
        "",
      ].join("\n"),
    );
  });

  it("prints a notice when the gate passes", () => {
    expect(summaryLine(sampleReport([], 7))).toBe(
      "::notice title=quality-gate::Reached 7 — documented; target 7: passed; 0 findings.",
    );
  });

  it("says no rung was reached when rung 0 failed", () => {
    expect(summaryLine(sampleReport([finding({ rung: 0 })], -1))).toBe(
      "::error title=quality-gate::Reached nothing (rung 0 failed); target 7: not met; 1 finding.",
    );
  });
});
