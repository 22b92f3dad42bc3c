/**
 * The `github` format: one GitHub Actions workflow command per finding (`::error file=…,line=…,
 * col=…,title=…::message`), which the runner turns into annotations on the pull request's diff,
 * then one summary line. The markdown summary for `$GITHUB_STEP_SUMMARY` is the CLI's job.
 */
import type { Finding } from "../ladder/finding.js";
import type { Report } from "../report/build-report.js";
import { describeVerdict } from "../report/describe-verdict.js";
import type { Reporter } from "./reporter.js";

/**
 * Escapes a workflow command's message as the Actions runner unescapes it: `%`, `\r` and `\n`.
 *
 * @param text - the message
 * @returns the text, safe after `::`
 * @example
 * ```ts
 * escapeData("50%\nmore"); // "50%25%0Amore"
 * ```
 */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/**
 * Escapes a workflow command's property value: as {@link escapeData}, plus `:` and `,`, which
 * would otherwise end the value.
 *
 * @param text - a file name or title
 * @returns the text, safe inside `key=value,`
 * @example
 * ```ts
 * escapeProperty("a,b:c"); // "a%2Cb%3Ac"
 * ```
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * Renders one finding as a workflow command: an `error` naming its file, line, column and a title
 * made of its rung and rule (without a place for a finding on the whole repository, file `.`).
 *
 * @param finding - the finding
 * @returns one line, without the newline
 * @example
 * ```ts
 * annotation(finding); // "::error file=src/a.ts,line=3,col=5,title=rung 2 eslint/no-var::Unexpected var."
 * ```
 */
export function annotation(finding: Finding): string {
  const title = `rung ${String(finding.rung)} ${finding.ruleId}`;
  // A finding on the whole repository (file "."), such as a tool that could not run, has no place
  // in the diff: it is annotated on the run only.
  const place =
    finding.file === "."
      ? []
      : [
          `file=${escapeProperty(finding.file)}`,
          `line=${String(finding.line)}`,
          `col=${String(finding.column)}`,
        ];
  const properties = [...place, `title=${escapeProperty(title)}`].join(",");
  return `::error ${properties}::${escapeData(finding.message)}`;
}

/**
 * The closing line: reached rung, target and verdict, as a `notice` when the gate passed and an
 * `error` when it did not, so the run's summary says it without opening the log.
 *
 * @param report - the report
 * @returns one line, without the newline
 * @example
 * ```ts
 * summaryLine(report); // "::notice title=quality-gate::Reached 7 — documented; target 7: passed; 0 findings."
 * ```
 */
export function summaryLine(report: Report): string {
  const count = report.findings.length;
  const text = `${describeVerdict(report).replace(/\.$/, "")}; ${String(count)} finding${count === 1 ? "" : "s"}.`;
  return `::${report.passed ? "notice" : "error"} title=quality-gate::${escapeData(text)}`;
}

/** The `github` reporter: workflow annotations, one per finding, then the summary line. */
export const githubReporter: Reporter = {
  name: "github",
  extension: null,
  render: (report) => `${[...report.findings.map(annotation), summaryLine(report)].join("\n")}\n`,
};
