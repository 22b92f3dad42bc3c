/** Every line the CLI itself prints (reports are the reporters'), in one place. */

// Control characters (C0 but none kept, DEL, C1) and the bidirectional overrides: text quoted
// from a user's file (a parser's error names the bad bytes) must not move the cursor, recolour
// the terminal, reorder what it shows, or break the one-line promise of an error.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe for one line of a terminal: every control character written as a `\uXXXX`
 * escape.
 */
function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The CLI's messages. */
export const messages = {
  badTarget: (value: string): string =>
    `--target ${value}: expected a rung number from 0 to 7 (0 compiles … 7 documented).`,
  badStage: (value: string, stages: readonly string[]): string =>
    `--stage ${value}: unknown stage; expected one of ${stages.join(", ")}.`,
  targetAndStage: (): string => "--target and --stage both set the target; give one of them.",
  badOnly: (value: string): string =>
    `--only ${value}: expected rung numbers from 0 to 7 separated by commas, such as --only 4,7.`,
  badFixOnly: (value: string): string =>
    `--only ${value}: fix knows rungs 1 (formatted), 2 (linted), 4 (typed) and 7 (documented); give some of them separated by commas, such as --only 4,7.`,
  fixWrote: (path: string): string => `fixed    ${path}`,
  fixRefused: (path: string, reason: string): string => `refused  ${path}: ${printable(reason)}`,
  fixDone: (where: string, what: string, note: string): string =>
    `done     ${where} ${what}: ${printable(note)}`,
  fixDrafted: (where: string, what: string, note: string): string =>
    `drafted  ${where} ${what}: ${printable(note)}`,
  fixLeft: (where: string, what: string, note: string): string =>
    `left     ${where} ${what}: ${printable(note)}`,
  badFormat: (value: string, formats: readonly string[]): string =>
    `--format ${value}: unknown format; expected one of ${formats.join(", ")}.`,
  severalFormats: (value: string): string =>
    `--format ${value}: several formats need --output-dir DIR (each is written to DIR/quality-gate.<ext>; github annotations still go to stdout).`,
  outputAndOutputDir: (): string =>
    "--output and --output-dir both say where reports go; give --output FILE for one format or --output-dir DIR for several.",
  cannotWrite: (path: string, reason: string): string =>
    `Cannot write the report to ${path}: ${reason}. Choose a writable --output or --output-dir.`,
  checkFormatsHelp: (): string =>
    [
      "",
      "Formats: pretty (the default on a TTY), json (the default otherwise), github (workflow",
      "annotations; with GITHUB_STEP_SUMMARY set, the markdown report is appended to it),",
      "sarif (SARIF 2.1.0 for code scanning) and markdown (a pull-request comment).",
      "One format goes to stdout, or to --output FILE. Several formats need --output-dir DIR:",
      "each is written to DIR/quality-gate.<txt|json|sarif|md>, and github still goes to stdout.",
      "  quality-gate check --format github,sarif --output-dir reports",
    ].join("\n"),
  rungStarted: (id: number, name: string): string => `… rung ${String(id)} ${name}`,
  rungTitle: (id: number, name: string): string => `rung ${String(id)} ${name}`,
  rungDone: (id: number, name: string, status: string, ms: number): string =>
    `rung ${String(id)} ${name} ${status} (${(ms / 1000).toFixed(1)} s)`,
  rungEnded: (id: number, name: string, status: string, ms: number): string =>
    `${status === "passed" ? "✔" : "✖"} ${messages.rungDone(id, name, status, ms)}`,
  wroteReport: (file: string): string => `Report written to ${file}`,
  symbolNotFound: (query: string): string =>
    `No public symbol or file matches ${query}; use a name from the report's symbols (e.g. TtlCache.get, or ./sub:foo for a symbol of the exports subpath ./sub) or a path such as src/index.ts.`,
  baselineCreated: (path: string, count: number): string =>
    `Created the baseline ${path} with ${String(count)} findings; commit it, and only new findings will fail the gate.`,
  baselineUpdated: (path: string, before: number, after: number): string =>
    `Updated the baseline ${path}: ${String(before)} entries before, ${String(after)} now.`,
  baselineNotCreated: (path: string, partial: string): string =>
    `${path} does not exist and was not created: a ${partial} run does not see every finding (run check --baseline without it). Every finding counts as new.`,
  setupError: (code: string, message: string): string =>
    `quality-gate: ${printable(message)} [${code}]`,
  internalError: (command: string, what: string): string =>
    `quality-gate: ${printable(command)} failed unexpectedly (${printable(what)}). This is a bug in quality-gate: rerun with --debug for the stack, and report it. [INTERNAL]`,
  usage: (commanderText: string): string =>
    `${commanderText
      .trim()
      .replace(/^error: /, "")
      .replace(/\s*\n\s*/g, " ")
      .replace(/\.?$/, "")}; see quality-gate --help.`,
  stalled: (command: string): string =>
    `quality-gate: ${command} stopped with work still pending: something it waited for can never finish (a top-level await in the config file that never settles?). Rerun with --debug to see where it stopped. [STALLED]`,
} as const;
