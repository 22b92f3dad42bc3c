/**
 * Reads ESLint's `--format json` output (ESLint 8 to 10, and xo, which prints the same), which a
 * plugin may precede with lines of its own, into findings.
 */
import { resolve } from "node:path";
import type { Finding } from "../ladder/finding.js";
import { relativePath } from "../rungs/relative-path.js";

/** One file's result, as ESLint prints it. */
interface LintResult {
  readonly filePath: string;
  readonly messages: readonly {
    readonly ruleId: string | null;
    readonly severity: number;
    readonly message: string;
    readonly line?: number;
    readonly column?: number;
    readonly fatal?: boolean;
  }[];
}

/** Findings and counts from ESLint's JSON. */
export interface LintFindings {
  /** One finding per message. */
  readonly findings: readonly Finding[];
  /** How many messages are errors. */
  readonly errors: number;
  /** How many are warnings. */
  readonly warnings: number;
}

/**
 * Parses ESLint's JSON output.
 *
 * @param output - what `eslint --format json` printed
 * @param how - the repository root (for relative paths), the rule prefix (`eslint`, `xo`), and
 *   the files whose findings count (`--staged`), `undefined` for all
 * @returns the findings and counts, or `undefined` when the output holds no JSON report
 * @example
 * ```ts
 * parseEslintJson(run.stdout, { root, prefix: "eslint", onlyFiles: undefined })?.errors; // 0
 * ```
 */
export function parseEslintJson(
  output: string,
  how: {
    readonly root: string;
    readonly prefix: string;
    readonly onlyFiles: ReadonlySet<string> | undefined;
  },
): LintFindings | undefined {
  const start = output.search(/^\[/m);
  if (start < 0) return undefined;
  let results: LintResult[];
  try {
    results = JSON.parse(output.slice(start)) as LintResult[];
  } catch {
    return undefined;
  }
  const findings = results.flatMap((result) => {
    const file = resolve(how.root, result.filePath);
    if (how.onlyFiles?.has(file) === false) return [];
    return result.messages.map((message) =>
      toFinding(message, relativePath(how.root, file), how.prefix),
    );
  });
  const errors = findings.filter((finding) => finding.message.endsWith("(error)")).length;
  const warnings = findings.length - errors;
  return { findings, errors, warnings };
}

function toFinding(
  message: LintResult["messages"][number],
  file: string,
  prefix: string,
): Finding {
  const error = message.severity === 2;
  const rule = message.ruleId ?? (message.fatal === true ? "parse-error" : "unknown");
  return {
    ruleId: `${prefix}/${rule}`,
    rung: 2,
    file,
    line: positive(message.line),
    column: positive(message.column),
    symbol: null,
    message: `${message.message} (${error ? "error" : "warning"})`,
  };
}

function positive(value: number | undefined): number {
  return value !== undefined && value > 0 ? value : 1;
}
