/**
 * The scorer's entry: finds every workspace package, walks its public surface, collects facts and
 * scores them with the rubric. One TypeScript Program serves it all, the same one rung 0 checks.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import type ts from "typescript";
import { isReferencedSource } from "../ladder/create-program.js";
import type { Project, ProjectPackage } from "../project/discover-project.js";
import type { PackageEntryPoints } from "../project/entry-points.js";
import { collectSymbols } from "./collect-symbols.js";
import type { InternalSymbol } from "./collect-symbols.js";
import { collectPublicExports, surfaceFilter } from "./public-surface.js";
import type { PublicExport } from "./public-surface.js";
import { aggregate, scoreSymbol } from "./rubric.js";
import type { CategoryScore } from "./rubric.js";
import type { SymbolFacts } from "./symbol-facts.js";
import { createDialectResolver } from "./tsdoc-dialect.js";
import type { TsdocDialect } from "./tsdoc-dialect.js";

/** One scored public symbol, as it appears in the JSON report's `symbols`. */
export interface ScoredSymbol {
  /** The public name (`TtlCache.get`, `default`). */
  readonly name: string;
  /** The declaration kind. */
  readonly kind: SymbolFacts["kind"];
  /** The workspace package it belongs to. */
  readonly package: string;
  /**
   * The `exports` subpath it is reached through (`"./sub"`), absent for the main entry `"."`:
   * with `name` and `package`, what tells apart one name exported by several subpaths.
   */
  readonly entry?: string;
  /** Its file, relative to the repository root. */
  readonly file: string;
  /** Its 1-based line. */
  readonly line: number;
  /** Which overload signature, when there are several. */
  readonly overload?: number;
  /** Documentation score and missing codes. */
  readonly doc: { readonly score: number; readonly missing: readonly string[] };
  /** Types score and missing codes. */
  readonly types: { readonly score: number; readonly missing: readonly string[] };
}

/** A package's standing: its entry points and package-level documentation. */
export interface PackageStanding {
  /** The package name. */
  readonly name: string;
  /** Its directory, relative to the repository root (`.` for a single-package repository). */
  readonly dir: string;
  /** Its entry files, relative to the repository root. */
  readonly entryFiles: readonly string[];
  /** `exports` targets that map to no source file. */
  readonly unresolvedExports: readonly string[];
  /** Entry files no TypeScript project of the repository includes (so nothing in them is scored). */
  readonly outsideProjects: readonly string[];
  /** Whether an entry file carries a `@packageDocumentation` comment. */
  readonly hasPackageDocumentation: boolean;
}

/** One package's public surface, as collected. */
export interface CollectedPackage {
  /** Name, directory, entry files and package-level documentation. */
  readonly standing: PackageStanding;
  /** The package's directory, absolute. */
  readonly dir: string;
  /** The Program its entry files belong to (one per TypeScript project of the repository). */
  readonly program: ts.Program;
  /** That Program's type checker. */
  readonly checker: ts.TypeChecker;
  /** The public exports, for checks that need declarations (rung 5's JSON.parse check). */
  readonly exports: readonly PublicExport[];
  /** The facts of every public symbol. */
  readonly facts: readonly SymbolFacts[];
  /** The `@internal` symbols. */
  readonly internal: readonly InternalSymbol[];
}

/** Everything collection found, before scoring. */
export interface CollectedWorkspace {
  /** One entry per workspace package. */
  readonly packages: readonly CollectedPackage[];
  /** The `tsdoc.json` files the comments were read with, and what their loader reported. */
  readonly tsdocConfigs: readonly TsdocDialect[];
}

/** Everything the scorer found. */
export interface WorkspaceScore {
  /** Every scored public symbol, package by package, in discovery order. */
  readonly symbols: readonly ScoredSymbol[];
  /** `@internal` symbols, reported apart and not scored. */
  readonly internal: readonly InternalSymbol[];
  /** One entry per workspace package. */
  readonly packages: readonly PackageStanding[];
  /** Documentation category score: passed doc checks over applicable ones. */
  readonly documentation: number;
  /** Types category score: passed type checks over applicable ones. */
  readonly types: number;
}

/**
 * Collects the public surface of every package in a repository, without scoring it.
 *
 * @param programs - the Programs of the repository's TypeScript projects (shared with rung 0)
 * @param project - the repository: its packages and their entry points
 * @returns per package, its exports, symbol facts and standing
 * @example
 * ```ts
 * const { packages } = collectWorkspace([createProgram("/repo")], discoverProject("/repo"));
 * packages[0]?.facts.length; // 51
 * ```
 */
export function collectWorkspace(
  programs: readonly ts.Program[],
  project: Project,
): CollectedWorkspace {
  const seen = new Set<ts.Node>();
  const dialects = createDialectResolver();
  const packages = project.packages.flatMap((pkg): CollectedPackage[] => {
    const program = programOf(programs, pkg.entries.entryFiles);
    if (program === undefined) return [];
    const checker = program.getTypeChecker();
    const { sources, subpaths } = entrySources(program, pkg.entries);
    const exports = collectPublicExports(sources, checker, seen, subpaths);
    const { symbols, internal } = collectSymbols(exports, checker, {
      root: project.root,
      packageName: pkg.manifest.name,
      dialectOf: dialects.dialectOf,
      inSurface: surfaceFilter(sources),
    });
    return [
      {
        standing: standing(project.root, pkg, program),
        dir: pkg.dir,
        program,
        checker,
        exports,
        facts: symbols,
        internal,
      },
    ];
  });
  return { packages, tsdocConfigs: dialects.loaded() };
}

/**
 * The Program a package's entry files belong to: the project that owns them (not one that only
 * reads them as a referenced project's sources), else any that reads them, else the first.
 */
function programOf(
  programs: readonly ts.Program[],
  entryFiles: readonly string[],
): ts.Program | undefined {
  const has = (program: ts.Program, own: boolean): boolean =>
    entryFiles.some(
      (file) =>
        program.getSourceFile(file) !== undefined && (!own || !isReferencedSource(program, file)),
    );
  return (
    programs.find((program) => has(program, true)) ??
    programs.find((program) => has(program, false)) ??
    programs[0]
  );
}

/**
 * Scores the public API of every package in a repository.
 *
 * @param programs - the Programs of the repository's TypeScript projects (shared with rung 0)
 * @param project - the repository: its packages and their entry points
 * @returns per-symbol scores, `@internal` symbols, package standings and category scores
 * @example
 * ```ts
 * scoreWorkspace([createProgram("/repo")], discoverProject("/repo")).documentation; // 1
 * ```
 */
export function scoreWorkspace(
  programs: readonly ts.Program[],
  project: Project,
): WorkspaceScore {
  return scoreCollected(collectWorkspace(programs, project));
}

/**
 * Scores what {@link collectWorkspace} found.
 *
 * @param workspace - the collected packages
 * @returns per-symbol scores, `@internal` symbols, package standings and category scores
 * @example
 * ```ts
 * scoreCollected(collectWorkspace(program, root)).types; // 0.98
 * ```
 */
export function scoreCollected(workspace: CollectedWorkspace): WorkspaceScore {
  const docScores: CategoryScore[] = [];
  const typeScores: CategoryScore[] = [];
  const symbols: ScoredSymbol[] = [];
  for (const facts of workspace.packages.flatMap((pkg) => pkg.facts)) {
    const score = scoreSymbol(facts);
    docScores.push(score.doc);
    typeScores.push(score.types);
    symbols.push(toScored(facts, score.doc, score.types));
  }
  return {
    symbols,
    internal: workspace.packages.flatMap((pkg) => pkg.internal),
    packages: workspace.packages.map((pkg) => pkg.standing),
    documentation: aggregate(docScores),
    types: aggregate(typeScores),
  };
}

function toScored(facts: SymbolFacts, doc: CategoryScore, types: CategoryScore): ScoredSymbol {
  const overload = facts.overload === undefined ? {} : { overload: facts.overload };
  const entry = facts.entry === undefined ? {} : { entry: facts.entry };
  return {
    name: facts.name,
    kind: facts.kind,
    package: facts.package,
    ...entry,
    file: facts.file,
    line: facts.line,
    ...overload,
    doc: { score: doc.score, missing: doc.missing },
    types: { score: types.score, missing: types.missing },
  };
}

/** The entry files in the Program, and the `exports` subpath of those not at `"."`. */
function entrySources(
  program: ts.Program,
  entry: PackageEntryPoints,
): { sources: ts.SourceFile[]; subpaths: Map<ts.SourceFile, string> } {
  const sources: ts.SourceFile[] = [];
  const subpaths = new Map<ts.SourceFile, string>();
  for (const file of entry.entryFiles) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    sources.push(source);
    const subpath = entry.subpaths.get(file);
    if (subpath !== undefined) subpaths.set(source, subpath);
  }
  return { sources, subpaths };
}

function standing(root: string, pkg: ProjectPackage, program: ts.Program): PackageStanding {
  const rel = (path: string): string => relative(root, path).split(sep).join("/") || ".";
  const { entryFiles, unresolved } = pkg.entries;
  return {
    name: pkg.manifest.name,
    dir: rel(pkg.dir),
    entryFiles: entryFiles.map(rel),
    unresolvedExports: unresolved,
    outsideProjects: entryFiles
      .filter((file) => program.getSourceFile(file) === undefined)
      .map(rel),
    hasPackageDocumentation: entryFiles.some((file) =>
      /\/\*\*(?:(?!\*\/)[\s\S])*@packageDocumentation/.test(readFileSync(file, "utf8")),
    ),
  };
}
