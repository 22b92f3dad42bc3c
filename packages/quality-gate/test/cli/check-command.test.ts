// `quality-gate check` end to end in-process: exit codes, schema-valid JSON, the exact finding of
// each broken fixture, and one clear line for every kind of bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../schema/report.v1.json", import.meta.url)), "utf8"),
) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "qg-cli-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function report(args: readonly string[]): Promise<{ code: number; report: Report }> {
  const run = await runCli([...args, "--format", "json"], fixtures);
  const parsed = JSON.parse(run.stdout) as Report;
  expect(validate(parsed), JSON.stringify(validate.errors?.[0])).toBe(true);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

// Each case runs real tools (typed ESLint, Prettier, the TypeScript checker) on a fixture; under the
// full ladder they share the CPU with other rungs, so they get more than the default 5 s.
describe("check on fixture repositories (rungs 0-2 in-process)", { timeout: 60_000 }, () => {
  it("passes the clean fixture with exit 0 and a schema-valid report", async () => {
    const { code, report: r } = await report(["check", "clean", "--only", "0,1,2"]);
    expect(code).toBe(0);
    expect(r).toMatchObject({ passed: true, reached: 2, target: 2, findings: [] });
    expect(r.rungs.map((rung) => rung.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
    ]);
    expect(r.scores).toMatchObject({ lint: 1, documentation: null, types: null, tests: null });
  });

  it.each([
    ["broken-compile", 0, "typescript/TS2322", 19, 9],
    ["broken-format", 1, "prettier/format", 19, 1],
    ["broken-lint", 2, "eslint/@typescript-eslint/no-unused-vars", 19, 9],
  ])("fails %s at rung %i with the exact finding", async (...expected) => {
    const [fixture, rung, ruleId, line, column] = expected;
    const { code, report: r } = await report(["check", fixture, "--only", "0,1,2"]);
    expect(code).toBe(1);
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId, rung, file: "src/index.ts", line, column }),
    ]);
  });

  it("uses the gate's own ESLint and Prettier defaults in a repository with no configs", async () => {
    const { code, report: r } = await report(["check", "no-config", "--only", "0,1,2"]);
    expect(code).toBe(0);
    expect(r.reached).toBe(2);
  });

  it("scores rungs 4-7 per symbol and fails the target with the rubric's findings", async () => {
    const { code, report: r } = await report(["check", "scorer-shapes", "--only", "4,5,6,7"]);
    expect(code).toBe(1);
    expect(r.symbols.find((symbol) => symbol.name === "getFoo")).toMatchObject({
      doc: { missing: ["informative"] },
      types: { score: 1, missing: [] },
    });
    expect(r.internal.map((symbol) => symbol.name)).toEqual(["hidden", "Partly.secret"]);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "documented/param",
        symbol: "starUndocumented",
        code: "param:a",
      }),
    );
    expect(r.findings).toContainEqual(
      expect.objectContaining({ ruleId: "typed/unresolved-export" }),
    );
    expect(r.scores.documentation).toBeGreaterThan(0.5);
    expect(r.scores.documentation).toBeLessThan(1);
  });

  it("stops at the first failing rung with --bail and skips the rest", async () => {
    const { report: r } = await report(["check", "broken-compile", "--target", "2", "--bail"]);
    expect(r.rungs.slice(0, 3).map((rung) => rung.status)).toEqual([
      "failed",
      "skipped",
      "skipped",
    ]);
    expect(r.reached).toBe(-1);
  });

  it("writes the report to --output and nothing into the repository", async () => {
    const output = join(scratch, "report.json");
    const run = await runCli(
      ["check", "clean", "--only", "0", "--format", "json", "--output", output],
      fixtures,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect((JSON.parse(readFileSync(output, "utf8")) as Report).reached).toBe(0);
  });

  it("renders the pretty ladder table, findings by file and the score card", async () => {
    const run = await runCli(
      ["check", "broken-format", "--only", "1,2", "--format", "pretty"],
      fixtures,
    );
    expect(run.stdout).toMatch(/✖ 1 formatted\s+failed/);
    expect(run.stdout).toMatch(/src\/index\.ts\n\s+19:1\s+rung 1\s+prettier\/format/);
    expect(run.stdout).toMatch(/Quality Metrics\n\s+Documentation\s+not measured/);
    expect(run.stdout).toMatch(/Failed 1; passed 2 \(of 0–7\)\./);
  });
});

describe("bad input: one clear line and exit 2", { timeout: 60_000 }, () => {
  it.each([
    [["check", "clean", "--target", "9"], /--target 9: expected a rung number from 0 to 7/],
    [
      ["check", "clean", "--stage", "prod"],
      /--stage prod: unknown stage; expected one of spike, precommit/,
    ],
    [["check", "clean", "--target", "3", "--stage", "team"], /give one of them/],
    [["check", "clean", "--only", "4,x"], /--only 4,x: expected rung numbers from 0 to 7/],
    [
      ["check", "clean", "--format", "xml"],
      /--format xml: unknown format; expected one of pretty, json/,
    ],
    [
      ["check", "does-not-exist"],
      /does-not-exist is not a directory; pass the repository to check\. \[DIRECTORY_NOT_FOUND\]/,
    ],
    [["check", "clean/src"], /has no tsconfig.json.*\[NO_TSCONFIG\]/],
    [["check", "clean", "--config", "nope.json"], /--config nope.json: no such file/],
    [
      ["explain", "noSuchSymbol", "scorer-shapes"],
      /No public symbol or file matches noSuchSymbol/,
    ],
  ])("%j", async (args, message) => {
    const run = await runCli(args, fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects an unknown flag through commander, on one line with its code", async () => {
    // Once commander's own two lines ("error: …" and "(Did you mean …?)"), without a code.
    const run = await runCli(["check", "clean", "--targt", "3"], fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "quality-gate: unknown option '--targt' (Did you mean --target?); see quality-gate --help. [USAGE]\n",
    );
  });

  it("prints the control characters a config file's parse error quotes as escapes", async () => {
    // A terminal would have obeyed them: \u001b[2J clears the screen.
    writeFileSync(join(scratch, "evil.json"), "\u001b[2J\u001b[31m\u202e");
    const run = await runCli(
      ["check", join(fixtures, "clean"), "--config", join(scratch, "evil.json")],
      scratch,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("\\u001b[2J");
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("names the unknown key of a config file", async () => {
    writeFileSync(join(scratch, "bad.json"), JSON.stringify({ thresholds: { documentaton: 1 } }));
    const run = await runCli(
      ["check", join(fixtures, "clean"), "--config", join(scratch, "bad.json")],
      scratch,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: unknown key "thresholds\.documentaton"/);
  });

  it("names the key of a bad value", async () => {
    writeFileSync(join(scratch, "bad.json"), JSON.stringify({ thresholds: { types: 2 } }));
    const run = await runCli(
      ["check", join(fixtures, "clean"), "--config", join(scratch, "bad.json")],
      scratch,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"thresholds\.types": Too big: expected number to be <=1/);
  });

  it("reports a config that does not parse", async () => {
    writeFileSync(join(scratch, "bad.json"), "{ not json");
    const run = await runCli(
      ["check", join(fixtures, "clean"), "--config", join(scratch, "bad.json")],
      scratch,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not load.*\[CONFIG_UNREADABLE\]/);
  });

  it("prints the stack of a setup error with --debug", async () => {
    const run = await runCli(["check", "does-not-exist", "--debug"], fixtures);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n {4}at assertDirectory /);
  });
});

describe("explain", { timeout: 60_000 }, () => {
  it("lists every check of a symbol with fixes, exit 1 when one fails", async () => {
    const run = await runCli(["explain", "Members.increment", "scorer-shapes"], fixtures);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Members.increment (method) at src/members.ts:27: documentation 0.75, types 0.50",
    );
    expect(run.stdout).toContain(
      "✖ doc returns: Document the result with `@returns <what it is>`.",
    );
    expect(run.stdout).toContain("✔ doc summary");
  });

  it("explains every symbol of a file, exit 0 when all pass", async () => {
    const run = await runCli(["explain", "src/arrow.ts", "scorer-shapes"], fixtures);
    expect(run.stdout).toMatch(/^arrow \(function\)/);
    expect(run.stdout).toMatch(/arrowUntyped \(function\)/);
    const clean = await runCli(["explain", "add", "clean"], fixtures);
    expect(clean.code).toBe(0);
  });
});
