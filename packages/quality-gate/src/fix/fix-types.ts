/**
 * Rung 4's fixes: the return type of an exported function or public method, and the type of an
 * exported variable or public property, written the way TypeScript's own quick fix for
 * `isolatedDeclarations` writes them ("Add return type …", "Add annotation of type …"), imports of
 * the types it names included. A type that is or contains `any`, that TypeScript cannot name from
 * the file, or that is wider than `rungs.typed.maxInferredTypeWidth` is not written: the finding
 * stays, with the reason.
 */
import { Node, ts } from "ts-morph";
import type { SourceFile } from "ts-morph";
import type { Finding } from "../ladder/finding.js";
import { left } from "./fix-outcome.js";
import type { FixOutcome } from "./fix-outcome.js";
import { refreshModuleFormats } from "./fix-project.js";
import { findDeclaration } from "./locate-declaration.js";
import type { DeclarationKey } from "./locate-declaration.js";

/** A finding and where its declaration is. */
export interface LocatedFinding {
  /** The finding. */
  readonly finding: Finding;
  /** Its declaration, located before any edit. */
  readonly key: DeclarationKey;
}

/** What a written type must fit. */
export interface TypeFixOptions {
  /** The widest type to write, in characters on one line (`rungs.typed.maxInferredTypeWidth`). */
  readonly maxWidth: number;
}

/** TypeScript's `isolatedDeclarations` diagnostics, whose quick fix writes the annotations. */
const FIRST_CODE = 9007;
const LAST_CODE = 9039;

const FORMAT: ts.FormatCodeSettings = {
  ...ts.getDefaultFormatCodeSettings("\n"),
  semicolons: ts.SemicolonPreference.Ignore,
};
const PREFERENCES: ts.UserPreferences = {
  preferTypeOnlyAutoImports: true,
  quotePreference: "auto",
  importModuleSpecifierEnding: "auto",
};

/** Why the other rung 4 checks are not the fixer's to write. */
const NOT_INFERRED: Readonly<Record<string, string>> = {
  "param-type":
    "a parameter's type is what its author means to accept, not what TypeScript infers; write it by hand",
  any: "the type is any; quality-gate writes only types TypeScript infers, so replace it by hand",
};

/**
 * Writes the missing annotations of a file's rung 4 findings.
 *
 * @param file - the source file, in a project from `createFixProject`
 * @param targets - its rung 4 findings, located
 * @param options - the widest type to write
 * @returns one outcome per finding, in order
 * @example
 * ```ts
 * fixTypes(file, [{ finding, key }], { maxWidth: 100 })[0]?.note; // "added return type Shape"
 * ```
 */
export function fixTypes(
  file: SourceFile,
  targets: readonly LocatedFinding[],
  options: TypeFixOptions,
): FixOutcome[] {
  return targets.map(({ finding, key }) => {
    const code = finding.code ?? "";
    const check = code.split(":")[0] ?? "";
    if (check !== "return-type" && check !== "property-type") {
      return left(finding, NOT_INFERRED[check] ?? "not a declaration's missing type");
    }
    const node = findDeclaration(file, key);
    if (node === undefined) return left(finding, "its declaration was not found");
    return annotate(file, node, finding, options);
  });
}

/** Applies TypeScript's fix to one declaration, unless what it would write is refused. */
function annotate(
  file: SourceFile,
  node: Node,
  finding: Finding,
  options: TypeFixOptions,
): FixOutcome {
  const returns = finding.code === "return-type";
  const fix = annotationFix(file, node, returns);
  if (typeof fix === "string") return left(finding, fix);
  const refusal = refuse(fix.type, options);
  if (refusal !== undefined) return left(finding, refusal);
  const before = file.getFullText();
  const errors = errorKeys(file);
  // One line, as the editor's quick fix shows it; Prettier breaks it again where it must.
  file.applyTextChanges(
    fix.changes.map((change) =>
      change === fix.annotation ? { ...change, newText: oneLine(change.newText) } : change,
    ),
  );
  if ([...errorKeys(file)].some((error) => !errors.has(error))) {
    // TypeScript wrote a type that does not hold here (the shape of a class only the function
    // can see, private members and all): the type cannot be named from the declaration.
    file.replaceWithText(before);
    return left(
      finding,
      `the inferred type ${oneLine(fix.type)} mentions a type that cannot be named here; name it and annotate by hand`,
    );
  }
  const what = returns ? "return type" : "type";
  return { finding, status: "fixed", note: `added ${what} ${oneLine(fix.type)}` };
}

interface AnnotationFix {
  readonly changes: readonly ts.TextChange[];
  /** The change that writes the annotation (the others add imports). */
  readonly annotation: ts.TextChange;
  /** The type as written. */
  readonly type: string;
}

/** TypeScript's annotation fix for the declaration, or why there is none. */
function annotationFix(file: SourceFile, node: Node, returns: boolean): AnnotationFix | string {
  const project = file.getProject();
  refreshModuleFormats(project);
  const service = project.getLanguageService().compilerObject;
  const path = file.getFilePath();
  const range = annotationRange(node, returns);
  const diagnostics = service
    .getSemanticDiagnostics(path)
    .filter((d) => d.code >= FIRST_CODE && d.code <= LAST_CODE)
    .filter(
      (d) => d.start !== undefined && d.start >= node.getStart() && d.start < node.getEnd(),
    );
  if (diagnostics.length === 0) {
    // TypeScript infers it from the text alone (literals): its "Infer function return type"
    // refactor writes what it infers, and such a type names nothing to import.
    return returns ? inferredReturnType(service, path, range) : NOT_MISSING;
  }
  const prefix = returns ? "Add return type" : "Add annotation of type";
  for (const diagnostic of diagnostics) {
    const start = diagnostic.start ?? 0;
    const end = start + (diagnostic.length ?? 0);
    const fixes = service
      .getCodeFixesAtPosition(path, start, end, [diagnostic.code], FORMAT, PREFERENCES)
      .filter((fix) => fix.description.startsWith(prefix));
    for (const fix of fixes) {
      const found = inRange(fix.changes, path, range);
      if (found !== undefined) return found;
    }
  }
  return "TypeScript cannot name the inferred type from this file (a type no module exports, or a class expression); name it and annotate by hand";
}

/** A fix's changes, when they are all in the file and one writes an annotation in the range. */
function inRange(
  fileChanges: readonly ts.FileTextChanges[],
  path: string,
  [from, to]: readonly [number, number],
): AnnotationFix | undefined {
  if (fileChanges.some((change) => change.fileName !== path)) return undefined;
  const changes = fileChanges.flatMap((change) => change.textChanges);
  const annotation = changes.find(
    (change) => change.span.start >= from && change.span.start <= to,
  );
  if (annotation === undefined) return undefined;
  return { changes, annotation, type: annotation.newText.replace(/^\s*:\s*/, "") };
}

const NOT_MISSING = "TypeScript sees no annotation missing here";
const INFER = "Infer function return type";

/** The "Infer function return type" refactor's edit, or why there is none. */
function inferredReturnType(
  service: ts.LanguageService,
  path: string,
  range: readonly [number, number],
): AnnotationFix | string {
  const at = range[0];
  const edits = service.getEditsForRefactor(path, FORMAT, at, INFER, INFER, PREFERENCES);
  return inRange(edits?.edits ?? [], path, range) ?? NOT_MISSING;
}

/** The file's type errors (`isolatedDeclarations`' own left out), as code and message. */
function errorKeys(file: SourceFile): Set<string> {
  const project = file.getProject();
  refreshModuleFormats(project);
  return new Set(
    project
      .getLanguageService()
      .compilerObject.getSemanticDiagnostics(file.getFilePath())
      .filter((d) => d.code < FIRST_CODE || d.code > LAST_CODE)
      .map((d) => `${String(d.code)}:${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
  );
}

/** Where the annotation goes: between the parameters and the body, or the name and the initializer. */
function annotationRange(node: Node, returns: boolean): readonly [number, number] {
  const target = Node.isVariableDeclaration(node) ? (node.getInitializer() ?? node) : node;
  if (returns) {
    const body = (target as { getBody?: () => Node | undefined }).getBody?.();
    return [target.getStart(), body?.getStart() ?? target.getEnd()];
  }
  const initializer = (node as { getInitializer?: () => Node | undefined }).getInitializer?.();
  return [node.getStart(), initializer?.getStart() ?? node.getEnd()];
}

/** Why a type TypeScript inferred must not be written, if it must not. */
function refuse(type: string, options: TypeFixOptions): string | undefined {
  const line = oneLine(type);
  if (mentionsAny(type)) {
    return `the inferred type ${line} is or contains any; give it a precise type by hand`;
  }
  if (line.length > options.maxWidth) {
    return `the inferred type is ${String(line.length)} characters, wider than rungs.typed.maxInferredTypeWidth (${String(options.maxWidth)}); name it (an interface or type alias) and annotate by hand`;
  }
  return undefined;
}

/** A type's text on one line (a line break never sits inside a literal type). */
function oneLine(type: string): string {
  return type.replace(/\s*\n\s*/g, " ").trim();
}

/** Whether a type's text has the `any` keyword anywhere in it. */
function mentionsAny(type: string): boolean {
  const source = ts.createSourceFile("type.ts", `type T = ${type};`, ts.ScriptTarget.Latest);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
