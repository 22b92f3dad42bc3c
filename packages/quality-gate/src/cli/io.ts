/** What the CLI reads and writes: passed in, so tests run it without a process. */

/** The CLI's surroundings. */
export interface CliIo {
  /** The working directory. */
  readonly cwd: string;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where reports go. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Where progress and errors go. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}
