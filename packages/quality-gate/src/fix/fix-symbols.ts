/**
 * Rungs 4 and 7 of `quality-gate fix`: each finding about a public symbol is located in a ts-morph
 * project of the tsconfig that includes its file (one project per tsconfig, opened when first
 * needed), then its file's types are written and its doc tags drafted, in memory.
 */
import { resolve } from "node:path";
import type { Project, SourceFile } from "ts-morph";
import type { Finding } from "../ladder/finding.js";
import { left } from "./fix-outcome.js";
import type { FixOutcome } from "./fix-outcome.js";
import { fixDocs } from "./fix-docs.js";
import { createFixProject } from "./fix-project.js";
import { fixTypes } from "./fix-types.js";
import type { LocatedFinding } from "./fix-types.js";
import { locateDeclaration } from "./locate-declaration.js";
import type { FixRequest } from "./plan-fixes.js";

/**
 * Fixes the rung 4 and 7 findings of a request.
 *
 * @param request - the repository, rungs and findings
 * @param texts - receives the new text of each file it changes, by absolute path
 * @returns the outcome of every rung 4 and 7 finding
 * @example
 * ```ts
 * const texts = new Map<string, string>();
 * fixSymbols(request, texts);
 * ```
 */
export function fixSymbols(request: FixRequest, texts: Map<string, string>): FixOutcome[] {
  const { root } = request.repository;
  const findings = request.findings.filter(
    (finding) =>
      (finding.rung === 4 || finding.rung === 7) && request.rungs.includes(finding.rung),
  );
  const byFile = new Map<string, Finding[]>();
  const outcomes: FixOutcome[] = [];
  for (const finding of findings) {
    if (finding.symbol === null || finding.code === undefined) {
      outcomes.push(left(finding, "not about one declaration; see the finding's message"));
      continue;
    }
    const path = resolve(root, finding.file);
    byFile.set(path, [...(byFile.get(path) ?? []), finding]);
  }
  const projects = new Map<string, Project>();
  for (const [path, found] of byFile) {
    const file = openFile(request, projects, path);
    if (file === undefined) {
      outcomes.push(...found.map((f) => left(f, "its file is in no TypeScript project")));
      continue;
    }
    outcomes.push(...fixFile(file, found, request));
    if (!file.isSaved()) texts.set(path, file.getFullText());
  }
  return outcomes;
}

/** The file in a project of the first tsconfig (not a solution) that includes it. */
function openFile(
  request: FixRequest,
  projects: Map<string, Project>,
  path: string,
): SourceFile | undefined {
  const tsconfig = request.repository.tsconfigs.find(
    (candidate) => !candidate.solution && candidate.fileNames.has(path),
  );
  if (tsconfig === undefined) return undefined;
  let project = projects.get(tsconfig.file);
  if (project === undefined) {
    project = createFixProject(tsconfig.file);
    projects.set(tsconfig.file, project);
  }
  return project.getSourceFile(path);
}

/** One file's findings: located first (lines are the scorer's), then types, then docs. */
function fixFile(
  file: SourceFile,
  findings: readonly Finding[],
  request: FixRequest,
): FixOutcome[] {
  const types: LocatedFinding[] = [];
  const docs: LocatedFinding[] = [];
  const outcomes: FixOutcome[] = [];
  for (const finding of findings) {
    const key = locateDeclaration(file, finding);
    if (key === undefined) {
      outcomes.push(left(finding, `no declaration of it starts on line ${String(finding.line)}`));
    } else (finding.rung === 4 ? types : docs).push({ finding, key });
  }
  const maxWidth = request.config.rungs.typed.maxInferredTypeWidth;
  return [...outcomes, ...fixTypes(file, types, { maxWidth }), ...fixDocs(file, docs)];
}
