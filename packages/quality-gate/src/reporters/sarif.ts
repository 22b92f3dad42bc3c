/**
 * The `sarif` format: SARIF 2.1.0, the static-analysis interchange format GitHub code scanning
 * and most IDE viewers read. Every rule that has a finding is declared once in
 * `tool.driver.rules` (description, how to fix, rung); every finding is a result pointing at its
 * file, relative to `%SRCROOT%`, with its line and column.
 */
import { readFileSync } from "node:fs";
import type { Finding } from "../ladder/finding.js";
import type { Report } from "../report/build-report.js";
import type { Reporter } from "./reporter.js";
import { ruleHelp } from "./rule-help.js";

/** The `$schema` every log names: the OASIS schema of SARIF 2.1.0 (errata 01). */
export const SARIF_SCHEMA =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The `uriBaseId` of every location: the repository root the gate checked. */
export const SRCROOT = "%SRCROOT%";

/** A SARIF `reportingDescriptor`: one rule of the gate. */
interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly helpUri?: string;
  readonly properties: { readonly rung: number; readonly tags: readonly string[] };
}

interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri: string;
}

/** The gate's own name, version and home page, from its `package.json`. */
function toolInfo(): ToolInfo {
  const manifest = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { name: string; version: string; homepage?: string };
  return {
    name: "quality-gate",
    version: manifest.version,
    informationUri: manifest.homepage ?? `https://www.npmjs.com/package/${manifest.name}`,
  };
}

function rulesOf(findings: readonly Finding[]): SarifRule[] {
  const rules = new Map<string, SarifRule>();
  for (const finding of findings) {
    if (rules.has(finding.ruleId)) continue;
    const { description, help, helpUri } = ruleHelp(finding.ruleId);
    rules.set(finding.ruleId, {
      id: finding.ruleId,
      shortDescription: { text: description },
      help: { text: help },
      ...(helpUri === undefined ? {} : { helpUri }),
      properties: { rung: finding.rung, tags: [`rung-${String(finding.rung)}`] },
    });
  }
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** A repository path as a relative URI reference: each segment percent-encoded (`#`, `?`, ` `). */
function toUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

function resultOf(finding: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: "error",
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(finding.file), uriBaseId: SRCROOT },
          region: {
            startLine: Math.max(1, finding.line),
            startColumn: Math.max(1, finding.column),
          },
        },
      },
    ],
    properties: {
      rung: finding.rung,
      ...(finding.symbol === null ? {} : { symbol: finding.symbol }),
    },
  };
}

/**
 * Turns a report into a SARIF 2.1.0 log with one run: the rules that have findings, one
 * `error`-level result per finding, and the ladder's verdict in the run's properties.
 *
 * @param report - the report
 * @returns the SARIF log, ready for `JSON.stringify`
 * @example
 * ```ts
 * writeFileSync("reports/quality-gate.sarif", JSON.stringify(toSarif(report)));
 * ```
 */
export function toSarif(report: Report): {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly Record<string, unknown>[];
} {
  const rules = rulesOf(report.findings);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const run = {
    tool: { driver: { ...toolInfo(), rules } },
    columnKind: "utf16CodeUnits",
    results: report.findings.map((finding) => resultOf(finding, index.get(finding.ruleId) ?? -1)),
    properties: { target: report.target, reached: report.reached, passed: report.passed },
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}

/** The `sarif` reporter: a SARIF 2.1.0 log for code scanning and IDE viewers. */
export const sarifReporter: Reporter = {
  name: "sarif",
  extension: "sarif",
  render: (report) => `${JSON.stringify(toSarif(report), null, 2)}\n`,
};
