import { Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { createProgress } from "../../src/cli/progress.js";
import type { CliIo } from "../../src/cli/io.js";
import type { RungResult } from "../../src/ladder/run-ladder.js";
import { RUNGS } from "../../src/ladder/rungs.js";

/** A stderr that records what was written, TTY or not. */
function recordingIo(isTTY: boolean): { io: CliIo; text: () => string } {
  let written = "";
  const stderr = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    }),
    { isTTY, columns: 100, rows: 40 },
  );
  const io: CliIo = { cwd: "/", env: {}, stdout: { write: () => true }, stderr };
  return { io, text: () => stripVTControlCharacters(written) };
}

function result(id: number, status: RungResult["status"], durationMs: number): RungResult {
  const rung = RUNGS[id]!;
  return { id, name: rung.name, status, durationMs, startedAtMs: 0, findings: [] };
}

describe("createProgress", () => {
  it("prints a plain line when each rung starts and ends when stderr is not a TTY", async () => {
    const { io, text } = recordingIo(false);
    const progress = createProgress(io);
    progress.onProgress({ rung: RUNGS[0]! });
    progress.onProgress({ rung: RUNGS[0]!, result: result(0, "passed", 1234) });
    progress.onProgress({ rung: RUNGS[1]! });
    progress.onProgress({ rung: RUNGS[1]!, result: result(1, "failed", 50) });
    await progress.close();
    expect(text().split("\n")).toEqual([
      "… rung 0 compiles",
      "✔ rung 0 compiles passed (1.2 s)",
      "… rung 1 formatted",
      "✖ rung 1 formatted failed (0.1 s)",
      "",
    ]);
  });

  it("draws one line per rung with its status and the ladder's duration on a TTY", async () => {
    const { io, text } = recordingIo(true);
    const rungs = RUNGS.slice(0, 3);
    const progress = createProgress(io);
    for (const rung of rungs) progress.onProgress({ rung });
    progress.onProgress({ rung: RUNGS[1]!, result: result(1, "failed", 2500) });
    progress.onProgress({ rung: RUNGS[0]!, result: result(0, "passed", 7900) });
    // Rung 2 never ends (a --bail stopped the climb): closing shows it as skipped.
    await progress.close();
    const final = text();
    expect(final).toContain("rung 0 compiles passed (7.9 s)");
    expect(final).toContain("rung 1 formatted failed (2.5 s)");
    expect(final).toContain("rung 2 linted skipped");
  });

  it("draws each change in the event that caused it, and redraws in place", () => {
    const writes: string[] = [];
    const stderr = { isTTY: true, columns: 30, write: (text: string) => writes.push(text) };
    const progress = createProgress({ cwd: "/", env: {}, stdout: { write: () => true }, stderr });
    progress.onProgress({ rung: RUNGS[0]! });
    // Drawn before the rung's synchronous work could hold the event loop: no timer involved.
    expect(stripVTControlCharacters(writes.at(-1)!)).toMatch(/^⠋ rung 0 compiles\n$/);
    progress.onProgress({ rung: RUNGS[3]! });
    progress.onProgress({ rung: RUNGS[0]!, result: result(0, "passed", 1500) });
    const last = writes.at(-1)!;
    // Up over the two lines drawn before, clear, and both lines again, cut to the width.
    expect(last.startsWith("\u001B[2F\u001B[J")).toBe(true);
    expect(stripVTControlCharacters(last).split("\n")).toEqual([
      "✔ rung 0 compiles passed (1.5",
      "⠋ rung 3 tested",
      "",
    ]);
    void progress.close();
  });

  it("turns the spinner of a running rung while the event loop is free", () => {
    vi.useFakeTimers();
    try {
      const writes: string[] = [];
      const stderr = { isTTY: true, write: (text: string) => writes.push(text) };
      const progress = createProgress({
        cwd: "/",
        env: {},
        stdout: { write: () => true },
        stderr,
      });
      progress.onProgress({ rung: RUNGS[2]! });
      vi.advanceTimersByTime(160);
      const frames = writes.map((text) => stripVTControlCharacters(text).slice(0, 1));
      expect(frames).toEqual(["⠋", "⠙", "⠹"]);
      void progress.close();
      vi.advanceTimersByTime(800);
      // Closed: the last drawing says skipped (it never ended), and nothing spins after it.
      expect(writes).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("draws a rung whose end is the first it hears of, ended", () => {
    const writes: string[] = [];
    const stderr = { isTTY: true, write: (text: string) => writes.push(text) };
    const progress = createProgress({ cwd: "/", env: {}, stdout: { write: () => true }, stderr });
    progress.onProgress({ rung: RUNGS[5]!, result: result(5, "passed", 300) });
    expect(stripVTControlCharacters(writes.at(-1)!)).toBe("✔ rung 5 secure passed (0.3 s)\n");
    void progress.close();
  });

  it("keeps lines whole on a terminal of unknown width", () => {
    const writes: string[] = [];
    const stderr = { isTTY: true, columns: 0, write: (text: string) => writes.push(text) };
    const progress = createProgress({ cwd: "/", env: {}, stdout: { write: () => true }, stderr });
    progress.onProgress({ rung: RUNGS[0]! });
    progress.onProgress({ rung: RUNGS[0]!, result: result(0, "passed", 1500) });
    expect(stripVTControlCharacters(writes.at(-1)!)).toBe("✔ rung 0 compiles passed (1.5 s)\n");
    void progress.close();
  });

  it("shows a rung the ladder skipped as skipped, and stops the spinner on close", async () => {
    const { io, text } = recordingIo(true);
    const progress = createProgress(io);
    progress.onProgress({ rung: RUNGS[3]! });
    progress.onProgress({ rung: RUNGS[3]!, result: result(3, "skipped", 0) });
    await progress.close();
    expect(text().trimEnd().split("\n").at(-1)).toBe("↓ rung 3 tested skipped");
  });

  it("draws nothing when the ladder never started (a setup error prints alone)", async () => {
    const { io, text } = recordingIo(true);
    await createProgress(io).close();
    expect(text()).toBe("");
  });
});
