/**
 * The `pretty` format: the ladder table (rung, status, duration, the tool that ran it), findings
 * grouped by file, and a score card in the spirit of the seed's "Quality Metrics".
 */
import { createColors } from "picocolors";
import type { Finding } from "../ladder/finding.js";
import type { Report } from "../report/build-report.js";
import { describeVerdict } from "../report/describe-verdict.js";
import { describeGate } from "../report/describe-gate.js";
import type { Reporter } from "./reporter.js";

const MARKS: Readonly<Record<string, string>> = {
  passed: "✔",
  failed: "✖",
  skipped: "–",
  "not-run": " ",
};

/** The `pretty` reporter. */
export const prettyReporter: Reporter = {
  name: "pretty",
  extension: "txt",
  render(report, { color }) {
    const c = createColors(color);
    const paint = (status: string, text: string): string =>
      status === "passed" ? c.green(text) : status === "failed" ? c.red(text) : c.dim(text);
    const lines = ["Ladder", ""];
    for (const rung of report.rungs) {
      const status = rung.status.padEnd(8);
      const duration =
        rung.status === "not-run" ? "" : `${(rung.durationMs / 1000).toFixed(1)} s`;
      lines.push(
        `  ${paint(rung.status, `${MARKS[rung.status] ?? " "} ${String(rung.id)} ${rung.name.padEnd(11)} ${status}`)} ${c.dim(`${duration.padStart(8)}  ${toolLabel(rung.tool)}`.trimEnd())}`,
      );
    }
    lines.push(
      "",
      ...findingsByFile(report.findings, c.bold),
      ...scoreCard(report),
      "",
      ...[describeGate(report.gate)].filter((line) => line !== undefined),
      verdict(report, c),
    );
    return `${lines.join("\n")}\n`;
  },
};

/** `prettier 3.3.3`, `eslint 10.1.0 (the gate's)`, `npm run test (script)`. */
function toolLabel(tool: Report["rungs"][number]["tool"]): string {
  if (tool === undefined) return "";
  const name = tool.version === undefined ? tool.name : `${tool.name} ${tool.version}`;
  return tool.source === "bundled" ? `${name} (the gate's)` : name;
}

function findingsByFile(findings: readonly Finding[], bold: (text: string) => string): string[] {
  if (findings.length === 0) return ["No findings.", ""];
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings)
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const lines = [`Findings (${String(findings.length)})`, ""];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(bold(file));
    for (const f of list.sort((a, b) => a.line - b.line || a.column - b.column))
      lines.push(
        `  ${String(f.line)}:${String(f.column)}  rung ${String(f.rung)}  ${f.ruleId}  ${f.message}`,
      );
    lines.push("");
  }
  return lines;
}

function scoreCard(report: Report): string[] {
  const row = (label: string, score: number | null): string =>
    `  ${label.padEnd(14)} ${score === null ? "not measured" : score.toFixed(2)}`;
  const { scores } = report;
  return [
    "Quality Metrics",
    row("Documentation", scores.documentation),
    row("Types", scores.types),
    row("Tests", scores.tests),
    row("Lint", scores.lint),
    row("Overall", scores.overall),
  ];
}

function verdict(report: Report, c: ReturnType<typeof createColors>): string {
  const text = describeVerdict(report);
  return report.passed ? c.green(text) : c.red(text);
}
