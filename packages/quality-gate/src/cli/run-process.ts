/**
 * The one place that touches the Node process: runs a command, hands its exit code to Node, and
 * turns whatever escapes it into one line and exit code 2, never a stack or a silent exit: an
 * error no one caught, a run whose event loop ran dry while it still waited (a promise that never
 * settles, such as a config file's top-level await: Node would exit 13 without a word), or a
 * stream error. A reader that went away (`quality-gate new --list | head -1`) ends the output,
 * not the run. An interrupt (Ctrl-C, SIGTERM) removes the run's temporary folders, then ends the
 * process by the same signal, as a shell expects. Used by bin/quality-gate.js and by a process
 * started from the snapshot.
 *
 * @internal
 */
import { removeTempDirs } from "../fs/temp-dirs.js";
import { describeFailure } from "./fatal.js";
import { messages } from "./messages.js";

/** Signals that end a run: the terminal's interrupt and the usual request to stop. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * How {@link runProcess} runs a command.
 *
 * @internal
 */
export interface ProcessOptions {
  /** The arguments after `quality-gate` (for the command's name and `--debug`). */
  readonly argv: readonly string[];
  /**
   * Whether this process answers interrupts itself (remove its temporary folders, then exit by the
   * signal); `false` in a process that only waits for a child started from the snapshot, which
   * receives the interrupt itself and must be allowed to finish.
   */
  readonly handlesSignals: boolean;
}

/**
 * Runs `start` as the process's work and sets the exit code it returns.
 *
 * @param start - the work; its result is the exit code
 * @param options - the arguments and whether this process answers interrupts
 * @param proc - the process (tests pass a stand-in)
 * @returns once the work is done and the exit code is set
 * @internal
 */
export async function runProcess(
  start: () => Promise<number>,
  options: ProcessOptions,
  proc: NodeJS.Process = process,
): Promise<void> {
  const command = options.argv.find((arg) => !arg.startsWith("-")) ?? "quality-gate";
  const debug = options.argv.includes("--debug");
  let finished = false;
  const fail = (error: unknown): void => {
    proc.stderr.write(describeFailure(error, command, debug));
    proc.exit(2);
  };
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") fail(error);
    });
  }
  proc.on("uncaughtException", fail);
  proc.on("unhandledRejection", fail);
  proc.on("beforeExit", () => {
    if (finished) return;
    proc.stderr.write(`${messages.stalled(command)}\n`);
    proc.exit(2);
  });
  if (options.handlesSignals) {
    for (const signal of STOP_SIGNALS) {
      proc.once(signal, () => {
        removeTempDirs();
        proc.kill(proc.pid, signal);
      });
    }
  }
  try {
    proc.exitCode = await start();
  } catch (error) {
    fail(error);
  }
  finished = true;
}
