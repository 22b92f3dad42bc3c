/**
 * `--since REF`: which findings concern the change. Findings of rungs 0–2 (and other findings tied
 * to a line) count on changed lines; findings about a public symbol count when the symbol's
 * declaration or doc comment overlaps the diff, which includes every symbol of a new file. A file
 * git sees as renamed or moved gains no changed lines, so its symbols are not new.
 */
import type { ChangeSet } from "../git/changes-since.js";
import { overlaps } from "../git/parse-diff.js";
import type { Finding } from "../ladder/finding.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import { rungIdsWhere } from "../ladder/rungs.js";

/** Declaration spans by `file:line`, as the scorer located the symbols. */
export type SymbolSpans = ReadonlyMap<string, readonly [number, number]>;

/**
 * Indexes the spans of the collected symbols.
 *
 * @param workspace - the collection, or `undefined` when no rung built it
 * @returns each symbol's first and last line (doc comment included), keyed by `file:line`
 * @example
 * ```ts
 * symbolSpans(result.workspace).get("src/a.ts:3"); // [1, 5]
 * ```
 */
export function symbolSpans(workspace: CollectedWorkspace | undefined): SymbolSpans {
  const spans = new Map<string, readonly [number, number]>();
  for (const facts of (workspace?.packages ?? []).flatMap((pkg) => pkg.facts)) {
    spans.set(`${facts.file}:${String(facts.line)}`, facts.span ?? [facts.line, facts.line]);
  }
  return spans;
}

/**
 * Builds the `--since` test for findings.
 *
 * @param changes - what changed since the merge base
 * @param spans - the symbols' declaration spans
 * @returns `true` for a finding the change is responsible for; those of a rung whose findings
 *   have no line a change can match (tests) always count
 * @example
 * ```ts
 * const keep = changedFindings(await changesSince(root, "origin/main"), symbolSpans(workspace));
 * ```
 */
export function changedFindings(
  changes: ChangeSet,
  spans: SymbolSpans,
): (finding: Finding) => boolean {
  const everyFinding = new Set(rungIdsWhere((traits) => traits.sinceScope === "all"));
  return (finding) => {
    if (everyFinding.has(finding.rung)) return true;
    const change = changes.files.get(finding.file);
    const span =
      finding.symbol === null ? undefined : spans.get(`${finding.file}:${String(finding.line)}`);
    const [from, to] = span ?? [finding.line, finding.line];
    return overlaps(change, from, to);
  };
}
