// Several formats in one run: --format a,b --output-dir D writes D/quality-gate.<ext> (github to
// stdout, plus the markdown summary into $GITHUB_STEP_SUMMARY), and every misuse is one line, exit 2.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planOutputs } from "../../src/cli/report-outputs.js";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "qg-outputs-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("planOutputs", () => {
  const io = (isTTY: boolean) => ({
    cwd: "/repo",
    env: {},
    stdout: { write: () => true, isTTY },
    stderr: { write: () => true },
  });
  const plan = (flags: Parameters<typeof planOutputs>[0], isTTY = false) =>
    planOutputs(flags, io(isTTY)).map(({ reporter, file }) => [reporter.name, file]);

  it("defaults to pretty on a TTY and json otherwise, on stdout", () => {
    expect(plan({}, true)).toEqual([["pretty", undefined]]);
    expect(plan({})).toEqual([["json", undefined]]);
  });

  it("sends one format to --output, resolved against the working directory", () => {
    expect(plan({ format: "sarif", output: "out/gate.sarif" })).toEqual([
      ["sarif", "/repo/out/gate.sarif"],
    ]);
  });

  it("names one file per format in --output-dir, keeps github on stdout, drops repeats", () => {
    expect(plan({ format: " github , pretty,github ", outputDir: "reports" })).toEqual([
      ["github", undefined],
      ["pretty", "/repo/reports/quality-gate.txt"],
    ]);
  });
});

describe("check --format a,b --output-dir D", { timeout: 60_000 }, () => {
  it("writes each format to D/quality-gate.<ext>, creating D, and github to stdout", async () => {
    const dir = join(scratch, "reports", "nested");
    const summary = join(scratch, "summary.md");
    writeFileSync(summary, "previous step\n");
    const run = await runCli(
      [
        "check",
        "broken-format",
        "--only",
        "1",
        "--format",
        "github,sarif,json,markdown,pretty",
        "--output-dir",
        dir,
      ],
      fixtures,
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([
      "quality-gate.json",
      "quality-gate.md",
      "quality-gate.sarif",
      "quality-gate.txt",
    ]);
    expect(run.stdout).toMatch(
      /^::error file=src\/index\.ts,line=19,col=1,title=rung 1 prettier\/format::.*\n::error title=quality-gate::Failed 1 \(of 0–7\); 1 finding\.\n$/,
    );
    const report = JSON.parse(readFileSync(join(dir, "quality-gate.json"), "utf8")) as Report;
    expect(report.findings).toHaveLength(1);
    const sarif = JSON.parse(readFileSync(join(dir, "quality-gate.sarif"), "utf8")) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]?.results).toHaveLength(1);
    expect(readFileSync(join(dir, "quality-gate.txt"), "utf8")).toContain("Quality Metrics");
    const markdown = readFileSync(join(dir, "quality-gate.md"), "utf8");
    expect(markdown).toMatch(/^## quality-gate: ❌ Failed 1 \(of 0–7\)\./);
    expect(readFileSync(summary, "utf8")).toBe(`previous step\n${markdown}`);
    expect(run.stderr).toContain(`Report written to ${join(dir, "quality-gate.sarif")}\n`);
  });

  it("leaves $GITHUB_STEP_SUMMARY alone when github is not among the formats", async () => {
    const summary = join(scratch, "summary.md");
    const run = await runCli(
      ["check", "clean", "--only", "0", "--format", "json,sarif", "--output-dir", scratch],
      fixtures,
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(existsSync(summary)).toBe(false);
    expect(readdirSync(scratch).sort()).toEqual(["quality-gate.json", "quality-gate.sarif"]);
  });
});

describe("bad output flags: one line, exit 2, nothing run", () => {
  it.each([
    [
      ["--format", "github,xml"],
      "--format xml: unknown format; expected one of pretty, json, github, sarif, markdown.",
    ],
    [
      ["--format", "json,"],
      "--format json,: unknown format; expected one of pretty, json, github, sarif, markdown.",
    ],
    [["--format", "json,sarif"], "--format json,sarif: several formats need --output-dir DIR"],
    [
      ["--format", "json", "--output", "a.json", "--output-dir", "d"],
      "--output and --output-dir both say where reports go",
    ],
  ])("rejects %j", async (flags, message) => {
    const run = await runCli(["check", "clean", ...flags], fixtures);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(message)]);
    expect(run.stderr).toMatch(/\[USAGE\]$/m);
  });

  it("refuses an --output-dir that is a file, before the ladder runs", async () => {
    const file = join(scratch, "taken");
    writeFileSync(file, "mine\n");
    const run = await runCli(
      ["check", "clean", "--format", "json,sarif", "--output-dir", file],
      fixtures,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^quality-gate: Cannot write the report to .*taken: .*\[OUTPUT_UNWRITABLE\]$/,
      ),
    ]);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("refuses an --output that is a directory before the ladder runs", async () => {
    const run = await runCli(
      ["check", "clean", "--format", "json", "--output", scratch],
      fixtures,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /Cannot write the report to .*: it is a directory\. .*\[OUTPUT_UNWRITABLE\]$/,
      ),
    ]);
  });

  // Node's recursive mkdir spins forever below /proc; the gate must answer at once.
  it.runIf(process.platform === "linux")("refuses --output below /proc in one line", async () => {
    const run = await runCli(
      ["check", "clean", "--format", "json", "--output", "/proc/quality-gate/r.json"],
      fixtures,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^quality-gate: Cannot write the report to \/proc\/quality-gate: ENOENT/,
    );
  });

  it("reports an unwritable $GITHUB_STEP_SUMMARY in one line", async () => {
    const run = await runCli(
      ["check", "broken-format", "--only", "1", "--format", "github"],
      fixtures,
      { GITHUB_STEP_SUMMARY: join(scratch, "missing", "summary.md") },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Cannot write the report to .*summary\.md: .*\[OUTPUT_UNWRITABLE\]\n$/,
    );
  });

  it("documents the formats and --output-dir in check --help", async () => {
    const run = await runCli(["check", "--help"], fixtures);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--output-dir <dir>");
    expect(run.stdout).toContain("quality-gate check --format github,sarif --output-dir reports");
  });
});
