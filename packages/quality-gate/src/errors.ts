/**
 * Setup problems: the only things the gate throws. Each has a stable `code`; the CLI prints the
 * message on one line (the stack only with `--debug`) and exits 2.
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
  | "NO_PACKAGE"
  | "BAD_REPORT"
  | "SNAPSHOT_FAILED";

/**
 * A setup problem the user must fix before the gate can run.
 *
 * @example
 * ```ts
 * try {
 *   await runLadder(options);
 * } catch (error) {
 *   if (error instanceof QualityGateError) console.error(`${error.message} [${error.code}]`);
 * }
 * ```
 */
export class QualityGateError extends Error {
  /** Stable code for scripts and tests. */
  readonly code: QualityGateErrorCode;

  /**
   * Creates the error.
   *
   * @param code - what kind of problem
   * @param message - one line naming the problem and the fix
   * @example
   * ```ts
   * throw new QualityGateError("NO_TSCONFIG", "/repo has no tsconfig.json; run tsc --init.");
   * ```
   */
  constructor(code: QualityGateErrorCode, message: string) {
    super(message);
    this.name = "QualityGateError";
    this.code = code;
  }
}
