// ESLint's `--format json` (and xo's) read into findings, past any lines a plugin prints first.
import { describe, expect, it } from "vitest";
import { parseEslintJson } from "../../src/tools/eslint-json.js";

const how = { root: "/repo", prefix: "eslint", onlyFiles: undefined };

const report = JSON.stringify([
  {
    filePath: "/repo/src/a.ts",
    messages: [
      {
        ruleId: "no-var",
        severity: 2,
        message: "Unexpected var, use let or const instead.",
        line: 1,
        column: 1,
      },
      {
        ruleId: "prefer-const",
        severity: 1,
        message: "'b' is never reassigned.",
        line: 2,
        column: 5,
      },
    ],
    errorCount: 1,
    warningCount: 1,
  },
  {
    filePath: "/repo/src/broken.ts",
    messages: [
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: "Parsing error: ';' expected.",
        line: 3,
        column: 8,
      },
    ],
  },
  { filePath: "/repo/src/clean.ts", messages: [] },
]);

describe("parseEslintJson", () => {
  it("reads each message as a finding, counting errors and warnings", () => {
    expect(parseEslintJson(report, how)).toEqual({
      findings: [
        {
          ruleId: "eslint/no-var",
          rung: 2,
          file: "src/a.ts",
          line: 1,
          column: 1,
          symbol: null,
          message: "Unexpected var, use let or const instead. (error)",
        },
        {
          ruleId: "eslint/prefer-const",
          rung: 2,
          file: "src/a.ts",
          line: 2,
          column: 5,
          symbol: null,
          message: "'b' is never reassigned. (warning)",
        },
        {
          ruleId: "eslint/parse-error",
          rung: 2,
          file: "src/broken.ts",
          line: 3,
          column: 8,
          symbol: null,
          message: "Parsing error: ';' expected. (error)",
        },
      ],
      errors: 2,
      warnings: 1,
    });
  });

  it("reads the report past lines a plugin printed before it, with xo's prefix", () => {
    const output = `Browserslist: caniuse-lite is outdated.\n${JSON.stringify([
      {
        filePath: "lib/x.js",
        messages: [{ ruleId: "semi", severity: 2, message: "Missing semicolon." }],
      },
    ])}\n`;
    expect(parseEslintJson(output, { ...how, prefix: "xo" })?.findings).toEqual([
      {
        ruleId: "xo/semi",
        rung: 2,
        file: "lib/x.js",
        line: 1,
        column: 1,
        symbol: null,
        message: "Missing semicolon. (error)",
      },
    ]);
  });

  it("names a message without a rule that is no parse error unknown, placed at 1:1 for line 0", () => {
    const output = JSON.stringify([
      {
        filePath: "/repo/a.js",
        messages: [
          { ruleId: null, severity: 1, message: "File ignored by default.", line: 0, column: 0 },
        ],
      },
    ]);
    expect(parseEslintJson(output, how)?.findings[0]).toMatchObject({
      ruleId: "eslint/unknown",
      line: 1,
      column: 1,
      message: "File ignored by default. (warning)",
    });
  });

  it("keeps only the findings of the files that count (--staged)", () => {
    const lint = parseEslintJson(report, { ...how, onlyFiles: new Set(["/repo/src/broken.ts"]) });
    expect(lint?.findings.map((finding) => finding.file)).toEqual(["src/broken.ts"]);
    expect(lint).toMatchObject({ errors: 1, warnings: 0 });
  });

  it.each([
    ["no report", "Oops! Something went wrong! :(\n\nESLint: 9.0.0\n"],
    ["a report cut short", '[{"filePath":"/repo/a.js","messages":['],
  ])("returns undefined for %s", (_name, output) => {
    expect(parseEslintJson(output, how)).toBeUndefined();
  });
});
