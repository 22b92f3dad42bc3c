/**
 * The live progress display on a terminal: a line per rung that appears the moment the rung
 * starts and is rewritten the moment it ends. Every change is drawn synchronously, in the event
 * that caused it, because a rung's own work (building a TypeScript Program) holds the event loop
 * for seconds: a display drawn from a timer (listr2's) stays blank until the loop is free, which
 * on a real run was the end. The timer only turns the spinners while the loop is idle.
 */
import type { Rung } from "../ladder/rung.js";
import type { RungResult } from "../ladder/run-ladder.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";
import type { Progress } from "./progress.js";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] as const;
const SPIN_MS = 80;
// CSI n F: up n lines to the first column; CSI J: clear to the end of the screen.
const up = (lines: number): string => (lines > 0 ? `\u001B[${String(lines)}F` : "");
const CLEAR_BELOW = "\u001B[J";

/** A rung on screen: running while `undefined`, then its result; `null` when it never ended. */
interface Line {
  readonly rung: Rung;
  result: RungResult | null | undefined;
}

/**
 * Creates the live display for a terminal on `io.stderr`.
 *
 * @param io - the CLI's streams; `stderr.columns`, when known, bounds each line so none wraps
 * @returns the display to feed and close
 * @example
 * ```ts
 * const progress = liveProgress(io);
 * progress.onProgress({ rung: RUNGS[0] }); // "⠋ rung 0 compiles" is on screen now
 * ```
 */
export function liveProgress(io: CliIo): Progress {
  const stream = io.stderr as CliIo["stderr"] & { readonly columns?: number };
  const lines: Line[] = [];
  let drawn = 0;
  let frame = 0;
  let spinner: NodeJS.Timeout | undefined;
  const draw = (): void => {
    // A terminal of unknown width (a pty nobody sized reports 0) gets whole lines.
    const columns = stream.columns ?? 0;
    const width = columns > 0 ? columns - 1 : Number.POSITIVE_INFINITY;
    const text = lines.map((line) => `${render(line, frame).slice(0, width)}\n`).join("");
    stream.write(`${up(drawn)}${CLEAR_BELOW}${text}`);
    drawn = lines.length;
  };
  return {
    onProgress: ({ rung, result }) => {
      const line = lines.find((shown) => shown.rung.id === rung.id);
      if (line === undefined) lines.push({ rung, result });
      else line.result = result;
      spinner ??= setInterval(() => {
        frame += 1;
        draw();
      }, SPIN_MS).unref();
      draw();
    },
    close: () => {
      clearInterval(spinner);
      if (lines.length === 0) return Promise.resolve();
      for (const line of lines) line.result ??= null;
      draw();
      return Promise.resolve();
    },
  };
}

function render(line: Line, frame: number): string {
  const { id, name } = line.rung;
  if (line.result === undefined) {
    return `${SPINNER[frame % SPINNER.length] as string} ${messages.rungTitle(id, name)}`;
  }
  if (line.result === null || line.result.status === "skipped") {
    return `↓ ${messages.rungTitle(id, `${name} skipped`)}`;
  }
  return messages.rungEnded(id, name, line.result.status, line.result.durationMs);
}
