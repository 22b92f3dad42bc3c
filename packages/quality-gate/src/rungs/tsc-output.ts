/**
 * Reads what `tsc --pretty false` prints (the classic compiler and TypeScript 7's native one
 * print the same): `file(line,col): error TS1234: message`, a message's further lines indented
 * below it, and project-wide errors as `error TS1234: message`.
 */

/** One diagnostic as tsc printed it. */
export interface PrintedDiagnostic {
  /** The file as printed (relative to where tsc ran), or `undefined` for a project-wide error. */
  readonly file: string | undefined;
  /** 1-based line, 1 for a project-wide error. */
  readonly line: number;
  /** 1-based column, 1 for a project-wide error. */
  readonly column: number;
  /** The error's code: 2322 for TS2322. */
  readonly code: number;
  /** The message, its lines joined with spaces. */
  readonly message: string;
}

const LOCATED = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/;
const GLOBAL = /^error TS(\d+): (.*)$/;

/**
 * Parses tsc's output.
 *
 * @param output - what tsc printed on stdout
 * @returns the diagnostics, in the order printed
 * @example
 * ```ts
 * parseTscOutput("a.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n");
 * // [{ file: "a.ts", line: 1, column: 14, code: 2322, message: "Type 'string' is …" }]
 * ```
 */
export function parseTscOutput(output: string): PrintedDiagnostic[] {
  const diagnostics: PrintedDiagnostic[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const located = LOCATED.exec(raw);
    const global = located === null ? GLOBAL.exec(raw) : null;
    if (located !== null) {
      diagnostics.push({
        file: located[1],
        line: Number(located[2]),
        column: Number(located[3]),
        code: Number(located[4]),
        message: located[5] ?? "",
      });
    } else if (global !== null) {
      diagnostics.push({
        file: undefined,
        line: 1,
        column: 1,
        code: Number(global[1]),
        message: global[2] ?? "",
      });
    } else if (/^\s+\S/.test(raw) && diagnostics.length > 0) {
      const last = diagnostics.pop();
      if (last !== undefined)
        diagnostics.push({ ...last, message: `${last.message} ${raw.trim()}` });
    }
  }
  return diagnostics;
}
