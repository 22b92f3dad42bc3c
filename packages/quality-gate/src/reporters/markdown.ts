/**
 * The `markdown` format, GitHub-flavoured, for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
 * a headline with the verdict, the ladder table, the score card and the findings grouped by file,
 * capped so that a large report still fits in a comment.
 */
import type { Finding } from "../ladder/finding.js";
import type { Report } from "../report/build-report.js";
import { describeVerdict } from "../report/describe-verdict.js";
import { describeGate } from "../report/describe-gate.js";
import type { Reporter } from "./reporter.js";

/** How many findings the markdown report lists before it says "and N more". */
export const MARKDOWN_FINDINGS_CAP = 50;

const STATUS: Readonly<Record<string, string>> = {
  passed: "✅ passed",
  failed: "❌ failed",
  skipped: "⏭️ skipped",
  "not-run": "– not run",
};

/** Keeps a report's text on one line and out of the table and list syntax. */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replaceAll("|", "\\|");
}

function headline(report: Report): string {
  return `## quality-gate: ${report.passed ? "✅" : "❌"} ${inline(describeVerdict(report))}`;
}

function ladderTable(report: Report): string[] {
  const rows = report.rungs.map((rung) => {
    const time = rung.status === "not-run" ? "" : `${(rung.durationMs / 1000).toFixed(1)} s`;
    const tool =
      rung.tool === undefined
        ? ""
        : inline(`${rung.tool.name} ${rung.tool.version ?? ""}`.trim());
    return `| ${String(rung.id)} | ${rung.name} | ${STATUS[rung.status] ?? rung.status} | ${time} | ${tool} |`;
  });
  return ["| Rung | Name | Status | Time | Tool |", "| ---: | --- | --- | ---: | --- |", ...rows];
}

function scoreCard(report: Report): string[] {
  const row = (label: string, score: number | null): string =>
    `| ${label} | ${score === null ? "not measured" : score.toFixed(2)} |`;
  const { scores } = report;
  return [
    "| Category | Score |",
    "| --- | ---: |",
    row("Documentation", scores.documentation),
    row("Types", scores.types),
    row("Tests", scores.tests),
    row("Lint", scores.lint),
    row("**Overall**", scores.overall),
  ];
}

function findingLine(finding: Finding): string {
  return `- \`${String(finding.line)}:${String(finding.column)}\` rung ${String(finding.rung)} \`${finding.ruleId}\` — ${inline(finding.message)}`;
}

function findingsByFile(findings: readonly Finding[], cap: number): string[] {
  if (findings.length === 0) return ["No findings."];
  const sorted = [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const shown = sorted.slice(0, cap);
  const lines: string[] = [];
  let file: string | undefined;
  for (const finding of shown) {
    if (finding.file !== file) {
      file = finding.file;
      lines.push("", `**\`${finding.file}\`**`, "");
    }
    lines.push(findingLine(finding));
  }
  const hidden = findings.length - shown.length;
  if (hidden > 0) lines.push("", `…and ${String(hidden)} more (see the full report).`);
  return lines.slice(1);
}

/**
 * Renders a report as GitHub-flavoured markdown.
 *
 * @param report - the report
 * @param cap - the most findings to list; the rest are counted in an "and N more" line
 * @returns the markdown, ending with a newline
 * @example
 * ```ts
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY ?? "summary.md", renderMarkdown(report));
 * ```
 */
export function renderMarkdown(report: Report, cap: number = MARKDOWN_FINDINGS_CAP): string {
  const lines = [
    headline(report),
    "",
    ...[describeGate(report.gate)].flatMap((line) => (line === undefined ? [] : [line, ""])),
    "### Ladder",
    "",
    ...ladderTable(report),
    "",
    "### Scores",
    "",
    ...scoreCard(report),
    "",
    `### Findings (${String(report.findings.length)})`,
    "",
    ...findingsByFile(report.findings, cap),
  ];
  return `${lines.join("\n")}\n`;
}

/** The `markdown` reporter: a pull-request comment. */
export const markdownReporter: Reporter = {
  name: "markdown",
  extension: "md",
  render: (report) => renderMarkdown(report),
};
