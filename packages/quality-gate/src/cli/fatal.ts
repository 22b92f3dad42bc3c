/**
 * What the CLI prints when a run cannot go on: a setup problem (any {@link QualityGateError}) is
 * its message and code on one line; anything else is a bug in quality-gate, said on one line with
 * the way to see more. The stack only ever appears with `--debug`. Imported by the bin for the
 * errors that escape `main` (a stream's error, a rejected promise no one awaited), so it imports
 * nothing heavy.
 */
import { QualityGateError } from "../errors.js";
import { messages } from "./messages.js";

/**
 * The lines to print for an error that ended a run, and the exit code (always 2: a usage, setup
 * or internal problem, never "the target was not met").
 *
 * @param error - what was thrown
 * @param command - the command that was running (`check`), for the internal-error line
 * @param debug - whether `--debug` was given: then the stack follows the line
 * @returns the text for stderr, ending in a newline
 * @example
 * ```ts
 * io.stderr.write(describeFailure(new TypeError("x is undefined"), "check", false));
 * // quality-gate: check failed unexpectedly (TypeError: x is undefined). This is a bug in quality-gate: rerun with --debug for the stack, and report it. [INTERNAL]
 * ```
 */
export function describeFailure(error: unknown, command: string, debug: boolean): string {
  const stack =
    debug && error instanceof Error && error.stack !== undefined ? `${error.stack}\n` : "";
  if (error instanceof QualityGateError) {
    const cause =
      debug && error.cause instanceof Error ? `Caused by: ${error.cause.stack ?? ""}\n` : "";
    const { code } = error as QualityGateError;
    return `${messages.setupError(code, error.message)}\n${stack}${cause}`;
  }
  const what =
    error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
  return `${messages.internalError(command, what)}\n${stack}`;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? "";
}
