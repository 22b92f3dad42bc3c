/**
 * Plans `quality-gate fix`: from the findings a check reported, the new text of every file it
 * can fix, computed in memory. Rungs 4 and 7 are written through ts-morph (types, then doc tags),
 * rung 2 through the repository's ESLint, and last every edited file (and, for rung 1, every
 * unformatted one) is formatted by the repository's Prettier, so an edit never leaves a file less
 * formatted than it was. Nothing is written here: the caller shows the plan or writes it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { QualityGateConfig } from "../config/config-schema.js";
import type { Finding } from "../ladder/finding.js";
import type { Project as Repository } from "../project/discover-project.js";
import { left } from "./fix-outcome.js";
import type { FixOutcome } from "./fix-outcome.js";
import { fixSymbols } from "./fix-symbols.js";
import type { ToolFixers } from "./tool-fixes.js";

/** One file's text before and after the fix. */
export interface FileEdit {
  /** The file, absolute. */
  readonly path: string;
  /** Its text on disk. */
  readonly before: string;
  /** Its fixed text. */
  readonly after: string;
}

/** What the fix would do. */
export interface FixPlan {
  /** The files it changes, sorted by path. */
  readonly edits: readonly FileEdit[];
  /** Every finding's outcome, in the findings' order. */
  readonly outcomes: readonly FixOutcome[];
}

/** What to fix, and with what. */
export interface FixRequest {
  /** The repository. */
  readonly repository: Repository;
  /** Its configuration. */
  readonly config: QualityGateConfig;
  /** The rungs to fix: some of 1, 2, 4, 7. */
  readonly rungs: readonly number[];
  /** The findings of those rungs, as `check` scoped them. */
  readonly findings: readonly Finding[];
  /** The repository's formatter and linter, loaded on first use. */
  readonly tools: () => Promise<ToolFixers>;
}

/**
 * Plans the fix of a check's findings.
 *
 * @param request - the repository, rungs and findings
 * @returns the edits and each finding's outcome
 * @example
 * ```ts
 * const { edits } = await planFixes({ repository, config, rungs: [4, 7], findings, tools });
 * ```
 */
export async function planFixes(request: FixRequest): Promise<FixPlan> {
  const { root } = request.repository;
  const texts = new Map<string, string>();
  const original = (path: string): string => readFileSync(path, "utf8");
  const symbols = fixSymbols(request, texts);
  const outcomes = new Map<Finding, FixOutcome>(symbols.map((o) => [o.finding, o]));
  const edited = new Set(texts.keys());
  const needsTools =
    edited.size > 0 || request.findings.some((f) => f.rung === 1 || f.rung === 2);
  if (needsTools) {
    const tools = await request.tools();
    const at = (finding: Finding): string => resolve(root, finding.file);
    for (const outcome of await lintFiles(request, tools, texts, { at, original, edited })) {
      outcomes.set(outcome.finding, outcome);
    }
    for (const outcome of await formatFiles(request, tools, texts, { at, original, edited })) {
      outcomes.set(outcome.finding, outcome);
    }
  }
  const edits = [...texts]
    .map(([path, after]) => ({ path, before: original(path), after }))
    .filter((edit) => edit.before !== edit.after)
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    edits,
    outcomes: request.findings.map((f) => outcomes.get(f) ?? left(f, "not a fixable finding")),
  };
}

interface Places {
  /** A finding's file, absolute. */
  readonly at: (finding: Finding) => string;
  /** A file's text on disk. */
  readonly original: (path: string) => string;
  /** The files rungs 4 and 7 edited. */
  readonly edited: ReadonlySet<string>;
}

/** Rung 2: ESLint's fixes on the files with lint findings and on every edited file. */
async function lintFiles(
  request: FixRequest,
  tools: ToolFixers,
  texts: Map<string, string>,
  places: Places,
): Promise<FixOutcome[]> {
  if (!request.rungs.includes(2)) return [];
  const findings = request.findings.filter((finding) => finding.rung === 2);
  const { linter } = tools;
  if (linter === undefined) {
    const note = `quality-gate fixes with ESLint only; run ${tools.linterName}'s own fix`;
    return findings.map((finding) => left(finding, note));
  }
  const files = new Set([...findings.map(places.at), ...places.edited]);
  const remaining = new Map<string, ReadonlySet<string>>();
  for (const file of [...files].sort()) {
    const fixed = await linter(file, texts.get(file) ?? places.original(file));
    texts.set(file, fixed.output);
    remaining.set(file, fixed.remaining);
  }
  return findings.map((finding) =>
    remaining.get(places.at(finding))?.has(finding.ruleId) === true
      ? left(finding, "ESLint has no automatic fix for it")
      : { finding, status: "fixed", note: "fixed by ESLint" },
  );
}

/** Rung 1, and the formatting of every edited file: the repository's Prettier. */
async function formatFiles(
  request: FixRequest,
  tools: ToolFixers,
  texts: Map<string, string>,
  places: Places,
): Promise<FixOutcome[]> {
  const wholeFiles = request.rungs.includes(1);
  const findings = wholeFiles ? request.findings.filter((finding) => finding.rung === 1) : [];
  const { formatter } = tools;
  if (formatter === undefined) {
    const note = `quality-gate formats with Prettier only; run ${tools.formatterName}'s own formatter`;
    return findings.map((finding) => left(finding, note));
  }
  const files = new Set([...findings.map(places.at), ...texts.keys()]);
  for (const file of [...files].sort()) {
    const before = places.original(file);
    const text = texts.get(file) ?? before;
    // A file that was not formatted is formatted whole only when rung 1 is being fixed;
    // otherwise only the statements around the edit are, so the diff stays the fix's own.
    const whole = wholeFiles || (await formatter.check(file, before));
    texts.set(
      file,
      await formatter.format(file, text, whole ? undefined : changedRange(before, text)),
    );
  }
  return findings.map((finding) => ({ finding, status: "fixed", note: "formatted by Prettier" }));
}

/** The span of `after` that differs from `before`: after their common prefix, before their common suffix. */
function changedRange(before: string, after: string): readonly [number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return [start, after.length - end];
}
