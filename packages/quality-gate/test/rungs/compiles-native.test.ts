// Rung 0 on a TypeScript 7 repository: the repository's own native tsc runs, and its errors are
// the findings, code, file and line as tsc printed them.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { parseTscOutput } from "../../src/rungs/tsc-output.js";
import { runCli } from "../support/run-cli.js";

const fixture = fileURLToPath(new URL("../fixtures/ts7-repo", import.meta.url));

describe("parseTscOutput", () => {
  it("reads located and project-wide errors, and a message's further lines", () => {
    expect(
      parseTscOutput(
        "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.\n  The expected type comes from here.\nerror TS5083: Cannot read file 'x.json'.\n",
      ),
    ).toEqual([
      {
        file: "src/a.ts",
        line: 3,
        column: 7,
        code: 2322,
        message:
          "Type 'string' is not assignable to type 'number'. The expected type comes from here.",
      },
      { file: undefined, line: 1, column: 1, code: 5083, message: "Cannot read file 'x.json'." },
    ]);
  });
});

describe("rung 0 on a TypeScript 7 repository", { timeout: 120_000 }, () => {
  it("runs the repository's tsc 7 and reports what it prints", async () => {
    const clean = await runCli(["check", "--only", "0", "--format", "json", fixture], fixture);
    expect((JSON.parse(clean.stdout) as Report).rungs[0]).toMatchObject({
      status: "passed",
      tool: {
        name: "typescript",
        version: expect.stringMatching(/^7\./) as string,
        source: "repository",
      },
    });
    const broken = mkdtempSync(join(tmpdir(), "qg-ts7-"));
    cpSync(fixture, broken, {
      recursive: true,
      filter: (path) => !path.includes("node_modules"),
    });
    symlinkSync(join(fixture, "node_modules"), join(broken, "node_modules"), "dir");
    writeFileSync(join(broken, "src", "index.ts"), 'export const wrong: number = "x";\n');
    const run = await runCli(["check", "--only", "0", "--format", "json", broken], broken);
    const report = JSON.parse(run.stdout) as Report;
    expect(
      report.findings.map((finding) => [
        finding.ruleId,
        finding.file,
        finding.line,
        finding.column,
      ]),
    ).toEqual([["typescript/TS2322", "src/index.ts", 1, 14]]);
  });
});
