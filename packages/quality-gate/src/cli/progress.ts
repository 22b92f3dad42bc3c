/**
 * Progress while the ladder climbs, on stderr (stdout carries the report). On a TTY, one live
 * line per rung with a spinner, then its status and duration (`live-progress.ts`); elsewhere (CI
 * logs, pipes) each rung prints a plain line when it starts and when it ends, so logs stay
 * readable.
 */
import type { Rung } from "../ladder/rung.js";
import type { RungResult } from "../ladder/run-ladder.js";
import type { CliIo } from "./io.js";
import { liveProgress } from "./live-progress.js";
import { messages } from "./messages.js";

/** What the ladder reports while it runs. */
export interface ProgressEvent {
  /** The rung that started or ended. */
  readonly rung: Rung;
  /** Its result once it ended; `undefined` when it starts. */
  readonly result?: RungResult;
}

/** A progress display: fed by the ladder, closed once the ladder is done. */
export interface Progress {
  /** Receives the ladder's start and end events. */
  readonly onProgress: (event: ProgressEvent) => void;
  /** Settles the display (a rung that started and never ended shows as skipped). */
  readonly close: () => Promise<void>;
}

/**
 * Chooses the display for the CLI's stderr: live lines on a TTY, plain lines elsewhere.
 *
 * @param io - the CLI's streams; `stderr.isTTY` picks the display
 * @returns the display to feed and close
 * @example
 * ```ts
 * const progress = createProgress(io);
 * const result = await runLadder({ ...options, onProgress: progress.onProgress });
 * await progress.close();
 * ```
 */
export function createProgress(io: CliIo): Progress {
  return io.stderr.isTTY === true ? liveProgress(io) : plainProgress(io);
}

function plainProgress(io: CliIo): Progress {
  return {
    onProgress: ({ rung, result }) => {
      const line =
        result === undefined
          ? messages.rungStarted(rung.id, rung.name)
          : messages.rungEnded(rung.id, rung.name, result.status, result.durationMs);
      io.stderr.write(`${line}\n`);
    },
    close: () => Promise.resolve(),
  };
}
