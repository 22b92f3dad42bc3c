/**
 * A linter's verdict, as the repository's own command would give it: errors fail; warnings fail
 * only past the repository's own `--max-warnings` (or its linter's equivalent), since without one
 * its linter exits 0 on warnings. The gate's bundled defaults allow no warnings.
 */
import type { Finding, RungOutcome, ToolUsed } from "../../ladder/finding.js";

/**
 * The rung's outcome from a linter's findings.
 *
 * @param lint - the findings, how many are errors and warnings
 * @param maxWarnings - how many warnings pass (`Infinity` when the repository sets no limit)
 * @param tool - the linter, as the report names it
 * @returns `failed` with errors or too many warnings, else `passed`; the findings either way
 * @example
 * ```ts
 * lintVerdict({ findings, errors: 0, warnings: 3 }, Infinity, tool).status; // "passed"
 * ```
 */
export function lintVerdict(
  lint: {
    readonly findings: readonly Finding[];
    readonly errors: number;
    readonly warnings: number;
  },
  maxWarnings: number,
  tool: ToolUsed,
): RungOutcome {
  const passed = lint.errors === 0 && lint.warnings <= maxWarnings;
  return { status: passed ? "passed" : "failed", findings: lint.findings, tool };
}

/**
 * The warning limit a command sets: `--max-warnings N`, or 0 with a flag that turns warnings
 * into errors (`--deny-warnings`, `--error-on-warnings`).
 *
 * @param args - the command's arguments
 * @returns the limit, `Infinity` when it sets none
 * @example
 * ```ts
 * maxWarningsOf(["--max-warnings", "0", "src"]); // 0
 * ```
 */
export function maxWarningsOf(args: readonly string[]): number {
  const at = args.findIndex(
    (arg) => arg === "--max-warnings" || arg.startsWith("--max-warnings="),
  );
  if (at >= 0) {
    const arg = args[at] ?? "";
    const value = Number(arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[at + 1]);
    if (Number.isInteger(value) && value >= 0) return value;
  }
  return args.some((arg) => arg === "--deny-warnings" || arg === "--error-on-warnings")
    ? 0
    : Infinity;
}
