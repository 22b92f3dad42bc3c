// The command line's conventions: --version / -v, short aliases for the common flags, --color /
// --no-color, and --help grouped by what a command or option is for.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

describe("CLI conventions", { timeout: 60_000 }, () => {
  it.each(["--version", "-v"])("%s prints the package's version and exits 0", async (flag) => {
    const run = await runCli([flag], fixtures);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("groups the commands in --help, and lists the global flags", async () => {
    const { code, stdout } = await runCli(["--help"], fixtures);
    expect(code).toBe(0);
    const headings = stdout.split("\n").filter((line) => /^\S.*:$/.test(line));
    expect(headings).toEqual([
      "Options:",
      "Judge a repository:",
      "Run faster, in CI:",
      "Bring code onto the ladder:",
      "Commands:",
    ]);
    expect(stdout).toMatch(/^ {2}-v, --version +print the version$/m);
    expect(stdout).toMatch(/^ {2}--no-color +never colour the report/m);
  });

  it("groups check's options and gives the common ones a short alias", async () => {
    const { stdout } = await runCli(["check", "--help"], fixtures);
    const headings = stdout.split("\n").filter((line) => /^\S.*:$/.test(line));
    // After these, the formats' own help (addHelpText) has headings of its own.
    expect(headings.slice(0, 7)).toEqual([
      "Arguments:",
      "Rungs:",
      "Reports:",
      "Scope:",
      "Baseline:",
      "Setup:",
      "Options:",
    ]);
    for (const alias of [
      "-f, --format <formats>",
      "-o, --output <file>",
      "-c, --config <file>",
    ]) {
      expect(stdout).toContain(`  ${alias}`);
    }
  });

  it("takes -f, -o and -c for --format, --output and --config", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "qg-aliases-")), "report.json");
    const run = await runCli(
      ["check", "clean", "--only", "7", "-f", "json", "-o", out, "-c", "missing.config.json"],
      fixtures,
    );
    // -c took its value: the named file is looked for (and is missing), so nothing ran.
    expect(run.stderr).toMatch(/missing\.config\.json/);
    expect(run.code).toBe(2);
    const ok = await runCli(["check", "clean", "--only", "7", "-f", "json", "-o", out], fixtures);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ reached: 7 });
  });

  it("colours the pretty report with --color on a pipe, and not with --no-color", async () => {
    const on = await runCli(
      ["check", "clean", "--only", "7", "-f", "pretty", "--color"],
      fixtures,
    );
    // eslint-disable-next-line no-control-regex -- an ANSI colour sequence is what is asserted
    expect(on.stdout).toMatch(/\u001B\[\d+m/);
    const off = await runCli(
      ["check", "clean", "--only", "7", "-f", "pretty", "--no-color"],
      fixtures,
      {
        FORCE_COLOR: "1",
      },
    );
    expect(off.stdout).not.toContain("\u001B[");
  });
});
