/**
 * Setup problems: the only things the gate throws. Each is a {@link QualityGateError} (or one of
 * its subclasses: git, baseline, shard) with a stable `code`; the CLI prints the message on one
 * line (the stack only with `--debug`) and exits 2. Anything else that escapes is a bug, which the
 * CLI reports the same way under the code `INTERNAL`.
 */

/** Stable codes of setup problems. */
export type QualityGateErrorCode =
  | "DIRECTORY_NOT_FOUND"
  | "NO_TSCONFIG"
  | "CONFIG_NOT_FOUND"
  | "CONFIG_UNREADABLE"
  | "CONFIG_INVALID"
  | "USAGE"
  | "OUTPUT_UNWRITABLE"
  | "SYMBOL_NOT_FOUND"
  | "BAD_NAME"
  | "UNSAFE_PATH"
  | "UNKNOWN_TEMPLATE"
  | "FILE_EXISTS"
  | "FILE_UNWRITABLE"
  | "NO_PACKAGE"
  | "BAD_PACKAGE_JSON"
  | "BAD_REPORT"
  | "SNAPSHOT_FAILED"
  | "CORRUPT_BASELINE"
  | "UNREADABLE_BASELINE"
  | "NOT_A_GIT_REPOSITORY"
  | "UNKNOWN_REF"
  | "GIT_FAILED"
  | "INVALID_SHARD"
  | "NO_PUBLIC_API"
  | "STALLED"
  | "INTERNAL";

/**
 * A setup problem the user must fix before the gate can run.
 *
 * @typeParam Code - the codes this kind of problem uses
 * @example
 * ```ts
 * try {
 *   await runLadder(options);
 * } catch (error) {
 *   if (error instanceof QualityGateError) console.error(`${error.message} [${error.code}]`);
 * }
 * ```
 */
export class QualityGateError<
  Code extends QualityGateErrorCode = QualityGateErrorCode,
> extends Error {
  /** Stable code for scripts and tests. */
  readonly code: Code;

  /**
   * Creates the error.
   *
   * @param code - what kind of problem
   * @param message - one line naming the problem and the fix
   * @param options - the error that caused it, if any (shown with `--debug`)
   * @example
   * ```ts
   * throw new QualityGateError("NO_TSCONFIG", "/repo has no tsconfig.json; run tsc --init.");
   * ```
   */
  constructor(code: Code, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = "QualityGateError";
    this.code = code;
  }
}

/**
 * Says what went wrong with a file-system call in a few words, for a one-line message: Node's
 * code and its short text (`EACCES: permission denied`), without the path Node repeats.
 *
 * @param error - what the call threw
 * @returns such as `EACCES: permission denied`, or the error's message
 * @example
 * ```ts
 * `cannot write ${file} (${describeCause(error)})`;
 * ```
 */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const text = error.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
  return code === undefined ? error.message : `${code}: ${text}`;
}
