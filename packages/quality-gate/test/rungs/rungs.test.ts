// Rungs against real repositories in-process: a broken tool is a finding, not a crash; rung 6 and
// the package-documentation check through the CLI; rung 3's Vitest launcher on a fixture.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const config = configSchema.parse({});
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-rungs-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ["src"] }),
  );
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare", type: "module" }));
  writeFileSync(
    join(dir, "src", "index.ts"),
    "/** Answers. */\nexport const answer: number = 42;\n",
  );
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a missing tool", { timeout: 60_000 }, () => {
  it("is a finding of its rung that says to install it, never a crash or another copy", async () => {
    writeFileSync(join(dir, "eslint.config.js"), "export default [];\n");
    const { rungs } = await runLadder({ root: dir, config, rungs: [2], bail: false });
    expect(rungs[2]).toMatchObject({
      status: "failed",
      tool: { name: "eslint", source: "repository" },
    });
    expect(rungs[2]?.findings[0]).toMatchObject({ ruleId: "eslint/not-installed", rung: 2 });
    expect(rungs[2]?.findings[0]?.message).toMatch(/uses eslint, but it is not installed/);
  });
});

describe("rungs 6 and 7 through the CLI", { timeout: 60_000 }, () => {
  it("reports each telemetry mismatch with its fix", async () => {
    const run = await runCli(
      ["check", "telemetry-broken", "--only", "6", "--format", "json"],
      fixtures,
    );
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(1);
    // In report order: by file, line and column.
    expect(report.findings.map((finding) => finding.ruleId)).toEqual([
      "observable/unemitted-channel",
      "observable/undocumented-channel",
      "observable/dynamic-channel-name",
    ]);
    expect(report.findings[1]?.message).toMatch(/List `orders:cancelled` in the package's TSDoc/);
  });

  it("fails a package without @packageDocumentation", async () => {
    const run = await runCli(["check", dir, "--only", "7", "--format", "json"], dir);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "documented/package-documentation",
        file: "src/index.ts",
      }),
    );
    expect(report.rungs[7]?.status).toBe("failed");
  });

  it("passes a repository whose only symbol is typed and documented, with colour on request", async () => {
    writeFileSync(
      join(dir, "src", "index.ts"),
      "/**\n * Answers.\n *\n * @packageDocumentation\n */\n\n/** The answer to everything, as a number. */\nexport const answer: number = 42;\n",
    );
    let stdout = "";
    const { main } = await import("../../src/cli/main.js");
    const code = await main(["check", dir, "--only", "4,7", "--format", "pretty"], {
      cwd: dir,
      env: { FORCE_COLOR: "1" },
      stdout: { write: (text: string) => (stdout += text), isTTY: false },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout).toContain("\u001b[32m");
    expect(stdout).toMatch(/Passed 4, 7 \(of 0–7\)\./);
  });

  it("prints help with exit 0", async () => {
    const run = await runCli(["--help"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: quality-gate/);
  });
});

describe("rung 3 in-process", { timeout: 120_000 }, () => {
  it("runs the fixture's tests with coverage and passes", async () => {
    const { rungs } = await runLadder({
      root: join(fixtures, "clean"),
      config,
      rungs: [3],
      bail: false,
    });
    expect(rungs[3]).toMatchObject({ status: "passed", findings: [] });
    expect(rungs[3]?.metrics?.coverageLines).toBe(100);
  });
});
