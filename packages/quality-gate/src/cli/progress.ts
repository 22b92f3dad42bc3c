/**
 * Progress while the ladder climbs, on stderr (stdout carries the report). On a TTY, listr2 draws
 * one live line per rung with a spinner and its duration; elsewhere (CI logs, pipes) each rung
 * prints a plain line when it starts and when it ends, so logs stay readable.
 */
import type { DefaultRenderer, ListrTaskWrapper, SimpleRenderer } from "listr2";
import type { Rung } from "../ladder/rung.js";
import type { RungResult } from "../ladder/run-ladder.js";
import type { CliIo } from "./io.js";
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
  /** Settles the display (rungs that never started show as skipped) and waits for it. */
  readonly close: () => Promise<void>;
}

/**
 * Chooses the display for the CLI's stderr: live lines on a TTY, plain lines elsewhere. listr2
 * loads only for the live display: a CI log or a piped run does not pay its import.
 *
 * @param rungs - the rungs about to run, in ladder order
 * @param io - the CLI's streams; `stderr.isTTY` picks the display
 * @returns the display to feed and close
 * @example
 * ```ts
 * const progress = await createProgress(RUNGS, io);
 * const result = await runLadder({ ...options, onProgress: progress.onProgress });
 * await progress.close();
 * ```
 */
export async function createProgress(rungs: readonly Rung[], io: CliIo): Promise<Progress> {
  return io.stderr.isTTY === true ? await liveProgress(rungs, io) : plainProgress(io);
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

/** The listr2 task that draws one rung. */
type RungTask = ListrTaskWrapper<unknown, typeof DefaultRenderer, typeof SimpleRenderer>;

/** A rung's task settles when the ladder reports its end, or at close when it never started. */
interface Pending {
  readonly settle: (result: RungResult | undefined) => void;
  readonly ended: Promise<RungResult | undefined>;
}

async function liveProgress(rungs: readonly Rung[], io: CliIo): Promise<Progress> {
  const { Listr, ListrLogger, ProcessOutput } = await import("listr2");
  const pending = new Map<number, Pending>(rungs.map((rung) => [rung.id, deferred()]));
  const stream = io.stderr as NodeJS.WriteStream;
  const list = new Listr<unknown, "default", "simple">(
    rungs.map((rung) => ({
      title: messages.rungTitle(rung.id, rung.name),
      task: (_: unknown, task: RungTask) => showOutcome(rung, task, pending.get(rung.id)?.ended),
    })),
    {
      concurrent: true,
      exitOnError: false,
      registerSignalListeners: false,
      // The caller already saw that stderr is a TTY; listr2 would otherwise look at stdout,
      // which may be a pipe (`check --format json > report.json`).
      forceTTY: true,
      rendererOptions: {
        logger: new ListrLogger({ processOutput: new ProcessOutput(stream, stream) }),
      },
    },
  );
  // Drawing starts with the first rung, so a setup error (no tsconfig, say) prints alone.
  let running: Promise<unknown> | undefined;
  return {
    onProgress: ({ rung, result }) => {
      running ??= list.run();
      if (result !== undefined) pending.get(rung.id)?.settle(result);
    },
    close: async () => {
      for (const entry of pending.values()) entry.settle(undefined);
      await running;
    },
  };
}

async function showOutcome(
  rung: Rung,
  task: RungTask,
  ended: Promise<RungResult | undefined> | undefined,
): Promise<void> {
  const result = await ended;
  if (result === undefined || result.status === "skipped") {
    task.skip(messages.rungTitle(rung.id, `${rung.name} skipped`));
    return;
  }
  // The ladder's own duration: listr2's timer would count from when the event loop was free to
  // start the task, and rung 0's compiler work holds the loop.
  const title = messages.rungDone(rung.id, rung.name, result.status, result.durationMs);
  if (result.status === "failed") throw new Error(title);
  task.title = title;
}

function deferred(): Pending {
  let settle: (result: RungResult | undefined) => void = () => undefined;
  const ended = new Promise<RungResult | undefined>((resolve) => {
    settle = resolve;
  });
  return { settle, ended };
}
