// How a tool's process ends, as rungs read it: its output and code, a program that cannot
// start, a time limit, an interrupted run.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/tools/run-command.js";

const options = { cwd: tmpdir(), env: process.env, timeoutMs: 60_000 };
const FOREVER = "setInterval(() => {}, 1000)";

describe("runCommand", () => {
  it("returns the exit code and both outputs", async () => {
    const run = await runCommand(
      process.execPath,
      ["-e", "process.stdout.write('out'); process.stderr.write('err'); process.exit(3)"],
      options,
    );
    expect(run).toMatchObject({ code: 3, stdout: "out", stderr: "err", timedOut: false });
  });

  it("ends a program that cannot start with code 127 and the reason", async () => {
    const run = await runCommand("/nonexistent/quality-gate-tool", [], options);
    expect(run.code).toBe(127);
    expect(run.stderr).toMatch(/ENOENT/);
  });

  it("stops a command at its time limit and says so", async () => {
    const run = await runCommand(process.execPath, ["-e", FOREVER], {
      ...options,
      timeoutMs: 200,
    });
    expect(run).toMatchObject({ code: undefined, timedOut: true });
  });

  it("stops a command when the run is aborted, without calling it a timeout", async () => {
    const stop = new AbortController();
    const running = runCommand(process.execPath, ["-e", `console.log("up"); ${FOREVER}`], {
      ...options,
      signal: stop.signal,
    });
    setImmediate(() => {
      stop.abort();
    });
    const run = await running;
    expect(run).toMatchObject({ code: undefined, timedOut: false });
  });
});
