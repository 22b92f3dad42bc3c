// Live progress in a real terminal: under a pseudo-terminal (util-linux `script`), each rung's
// line is on screen while the rung runs, and is rewritten when it ends. Reads the terminal's
// output as it arrives, with a deadline, and never sleeps.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { bareRepo, WORKSPACE } from "./support/bare-repo.js";

const BIN = join(WORKSPACE, "packages/quality-gate/bin/quality-gate.js");
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

/** The output seen when rung 0's line first showed, and all of it once the run ended. */
interface Screen {
  readonly whenRungZeroShowed: string;
  readonly exitedByThen: boolean;
  readonly final: string;
  readonly status: number | null;
}

function runInTerminal(cwd: string, args: string): Promise<Screen> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", `${process.execPath} ${BIN} ${args}`, "/dev/null"], {
      cwd,
      env: { ...process.env, CI: "", NO_COLOR: "1", TERM: "xterm", COLUMNS: "100" },
    });
    let output = "";
    let firstSight: { text: string; exited: boolean } | undefined;
    let exited = false;
    const deadline = setTimeout(() => {
      child.kill();
      reject(new Error(`no exit within 120 s; saw:\n${output}`));
    }, 120_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (
        firstSight === undefined &&
        stripVTControlCharacters(output).includes("rung 0 compiles")
      ) {
        firstSight = { text: stripVTControlCharacters(output), exited };
      }
    });
    child.on("exit", () => (exited = true));
    child.on("close", (status) => {
      clearTimeout(deadline);
      resolve({
        whenRungZeroShowed: firstSight?.text ?? "",
        exitedByThen: firstSight?.exited ?? true,
        final: stripVTControlCharacters(output),
        status,
      });
    });
  });
}

describe.skipIf(!hasScript)("live progress in a pseudo-terminal", { timeout: 150_000 }, () => {
  it("shows each rung's line when it starts and rewrites it when it ends", async () => {
    const screen = await runInTerminal(bareRepo(), "check --only 0,7 --format pretty");
    // Rung 0's line was on screen while rung 0 was still compiling: running, not yet passed.
    expect(screen.exitedByThen).toBe(false);
    expect(screen.whenRungZeroShowed).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] rung 0 compiles/);
    expect(screen.whenRungZeroShowed).not.toContain("rung 0 compiles passed");
    // Then the same line, rewritten with the outcome, before the report.
    expect(screen.final).toMatch(/✔ rung 0 compiles passed \(\d+\.\d s\)/);
    expect(screen.final).toMatch(/✔ rung 7 documented passed/);
    expect(screen.final).toContain("Passed 0, 7");
    expect(screen.status).toBe(0);
  });
});
