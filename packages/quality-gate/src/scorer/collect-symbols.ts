/**
 * Turns public exports into {@link SymbolFacts}: one entry per exported function (per overload
 * signature), class, interface, type alias, enum and variable, plus the public members of classes,
 * interfaces and type-literal aliases (`type Options = { … }`), enum members, the exports of a
 * namespace merged with a class, function or enum, and getter/setter pairs (one symbol).
 * `@internal` declarations are set aside, never scored. Works on the compiler's nodes, for speed
 * (see `public-surface.ts`).
 */
import { relative, sep } from "node:path";
import ts from "../typescript.cjs";
import type { PublicExport } from "./public-surface.js";
import { exportedDeclarations } from "./public-surface.js";
import { declarationSpan } from "./declaration-span.js";
import { paramRoot } from "./param-path.js";
import { NO_DOC, readTsdoc } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";
import type { TsdocDialect } from "./tsdoc-dialect.js";
import type { SymbolFacts, SymbolKind } from "./symbol-facts.js";
import {
  defaultExportFacts,
  shapeHasAny,
  signatureFacts,
  signaturesHaveAny,
  valueFacts,
} from "./type-facts.js";

/** A public declaration left out of scoring because its TSDoc says `@internal`. */
export interface InternalSymbol {
  /** The name it would have had. */
  readonly name: string;
  /** Its package. */
  readonly package: string;
  /** The `exports` subpath it is reached through, when not the main entry `"."`. */
  readonly entry?: string;
  /** Its file, relative to the repository root. */
  readonly file: string;
  /** Its 1-based line. */
  readonly line: number;
}

/** What collection found: symbols to score and `@internal` ones set aside. */
export interface CollectedSymbols {
  /** Facts of every public symbol, in discovery order. */
  readonly symbols: SymbolFacts[];
  /** The `@internal` symbols. */
  readonly internal: InternalSymbol[];
}

/** Whose exports {@link collectSymbols} collects, and how to read their comments. */
export interface CollectContext {
  /** The repository root, for relative file paths. */
  readonly root: string;
  /** The package the exports belong to. */
  readonly packageName: string;
  /** The TSDoc dialect of a source file (its `tsdoc.json`); the standard tags when absent. */
  readonly dialectOf?: ((file: string) => TsdocDialect) | undefined;
  /** Which declarations of a namespace belong to the surface (see `surfaceFilter`); all by default. */
  readonly inSurface?: ((declaration: ts.Node) => boolean) | undefined;
}

interface Scope {
  readonly root: string;
  readonly packageName: string;
  readonly checker: ts.TypeChecker;
  readonly out: CollectedSymbols;
  /** Each source file's dialect, looked up once per file. */
  readonly dialects: Map<ts.SourceFile, TsdocDialect | undefined>;
  readonly dialectOf: ((file: string) => TsdocDialect) | undefined;
  readonly inSurface: (declaration: ts.Node) => boolean;
  /** The subpath of the export being collected, `undefined` for the main entry. */
  entry: string | undefined;
}

type Callable = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ConstructorDeclaration;

/** Declarations that carry a name on their own, most significant first, for merged names. */
const PRIMARY_ORDER = [
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.VariableDeclaration,
];

/**
 * Collects the facts of a package's public exports.
 *
 * @param exports - the package's public exports
 * @param checker - the Program's type checker
 * @param context - the repository root (for relative paths), the package's name and the TSDoc
 *   dialect of each file
 * @returns the symbols to score and the `@internal` ones
 * @example
 * ```ts
 * const { symbols } = collectSymbols(exports, checker, { root: "/repo", packageName: "@ladder/cache" });
 * ```
 */
export function collectSymbols(
  exports: readonly PublicExport[],
  checker: ts.TypeChecker,
  context: CollectContext,
): CollectedSymbols {
  const scope: Scope = {
    root: context.root,
    packageName: context.packageName,
    checker,
    out: { symbols: [], internal: [] },
    dialects: new Map(),
    dialectOf: context.dialectOf,
    inSurface: context.inSurface ?? (() => true),
    entry: undefined,
  };
  for (const exported of exports) {
    scope.entry = exported.entry === "." ? undefined : exported.entry;
    collectExport(exported.name, exported.declarations, scope);
  }
  return scope.out;
}

function collectExport(name: string, declarations: readonly ts.Node[], scope: Scope): void {
  const primary = pickPrimary(declarations);
  const reading = readDoc(scope, [primary, ...declarations]);
  if (reading.internal) setAside(name, primary, scope);
  else if (ts.isClassDeclaration(primary)) collectClass(name, primary, reading, scope);
  else if (ts.isFunctionDeclaration(primary)) {
    collectCallables(name, "function", declarations.filter(ts.isFunctionDeclaration), scope);
  } else if (ts.isInterfaceDeclaration(primary)) {
    collectInterface(name, declarations.filter(ts.isInterfaceDeclaration), reading, scope);
  } else if (ts.isTypeAliasDeclaration(primary)) collectTypeAlias(name, primary, reading, scope);
  else if (ts.isEnumDeclaration(primary)) collectEnum(name, primary, reading, scope);
  else if (ts.isModuleDeclaration(primary)) collectNamespace(name, primary, scope);
  else collectVariable(name, primary, reading, scope);
  if (!reading.internal) collectMergedNamespace(name, primary, declarations, scope);
}

/** The exports of a namespace merged with a class, function or enum: `Parser.of`. */
function collectMergedNamespace(
  name: string,
  primary: ts.Node,
  declarations: readonly ts.Node[],
  scope: Scope,
): void {
  if (ts.isModuleDeclaration(primary)) return;
  const merged = declarations.find(ts.isModuleDeclaration);
  if (merged !== undefined) collectNamespace(name, merged, scope, isNamespaceMember);
}

/**
 * A namespace merged with a class or an enum shares its symbol's exports with the class's static
 * members and the enum's members, which are scored as members already.
 */
function isNamespaceMember(declaration: ts.Node): boolean {
  return !ts.isClassElement(declaration) && !ts.isEnumMember(declaration);
}

function pickPrimary(declarations: readonly ts.Node[]): ts.Node {
  for (const kind of PRIMARY_ORDER) {
    const match = declarations.find((declaration) => declaration.kind === kind);
    if (match !== undefined) return match;
  }
  return declarations[0] as ts.Node;
}

function collectNamespace(
  name: string,
  node: ts.ModuleDeclaration,
  scope: Scope,
  keep: (declaration: ts.Node) => boolean = () => true,
): void {
  const symbol = scope.checker.getSymbolAtLocation(node.name);
  if (symbol === undefined) return;
  for (const [member, inner] of exportedDeclarations(symbol, scope.checker, scope.inSurface)) {
    const kept = inner.filter(keep);
    if (kept.length > 0) collectExport(`${name}.${member}`, kept, scope);
  }
}

/** An exported variable, arrow-function constant, or `export default <expression>`. */
function collectVariable(name: string, node: ts.Node, reading: TsdocReading, scope: Scope): void {
  const declaration = ts.isVariableDeclaration(node) ? node : undefined;
  const initializer = declaration?.initializer;
  const isFunction =
    initializer !== undefined &&
    (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer));
  if (isFunction && declaration?.type === undefined) {
    const signature = signatureFacts(
      initializer,
      initializer.body,
      paramNames(reading),
      scope.checker,
    );
    push(scope, node, { name, kind: "function", doc: reading.doc, signature });
    return;
  }
  const value = ts.isExportAssignment(node)
    ? defaultExportFacts(node, scope.checker)
    : valueFacts(node, scope.checker);
  push(scope, node, { name, kind: "variable", doc: reading.doc, value });
}

/**
 * Functions, methods or constructors sharing one name: one symbol, or one per overload signature
 * when there are overloads. The implementation's body decides whether `@throws` is needed.
 */
function collectCallables(
  name: string,
  kind: SymbolKind,
  declarations: readonly Callable[],
  scope: Scope,
): void {
  const implementation = declarations.find((declaration) => declaration.body !== undefined);
  const overloads = declarations.filter((declaration) => declaration.body === undefined);
  const signatures = overloads.length > 0 ? overloads : declarations.slice(0, 1);
  signatures.forEach((signature, index) => {
    const reading = readDoc(scope, [signature]);
    const names = paramNames(reading);
    const facts = signatureFacts(signature, implementation?.body, names, scope.checker);
    const overload = signatures.length > 1 ? { overload: index } : {};
    push(scope, signature, { name, kind, doc: reading.doc, signature: facts, ...overload });
  });
}

function collectClass(
  name: string,
  node: ts.ClassDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  push(scope, node, { name, kind: "class", doc: reading.doc });
  const members = node.members.filter(isPublic);
  const done = new Set<string>();
  for (const member of members) {
    const key = `${isStatic(member) ? "static " : ""}${memberName(member)}`;
    if (done.has(key)) continue;
    done.add(key);
    const siblings = members.filter(
      (other) => memberName(other) === memberName(member) && isStatic(other) === isStatic(member),
    );
    collectMember(`${name}.${memberName(member)}`, member, siblings, scope);
  }
}

function collectMember(
  name: string,
  member: ts.ClassElement,
  siblings: readonly ts.ClassElement[],
  scope: Scope,
): void {
  const reading = readDoc(scope, [member]);
  if (reading.internal) setAside(name, member, scope);
  else if (ts.isConstructorDeclaration(member)) {
    collectCallables(name, "constructor", siblings.filter(ts.isConstructorDeclaration), scope);
  } else if (ts.isMethodDeclaration(member)) {
    collectCallables(name, "method", siblings.filter(ts.isMethodDeclaration), scope);
  } else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
    collectAccessor(name, siblings.filter(ts.isAccessor), scope);
  } else if (ts.isPropertyDeclaration(member)) {
    const value = valueFacts(member, scope.checker);
    push(scope, member, { name, kind: "property", doc: reading.doc, value });
  }
}

/** A getter and its setter are one symbol, reported at the first of them. */
function collectAccessor(
  name: string,
  pair: readonly ts.AccessorDeclaration[],
  scope: Scope,
): void {
  const [first] = pair;
  if (first === undefined) return;
  const getter = pair.find(ts.isGetAccessorDeclaration);
  const setter = pair.find(ts.isSetAccessorDeclaration);
  const reading = readDoc(scope, pair);
  const typed = getter?.type !== undefined || setter?.parameters[0]?.type !== undefined;
  const hasAny = valueFacts(getter ?? first, scope.checker).hasAny;
  push(scope, first, { name, kind: "accessor", doc: reading.doc, value: { typed, hasAny } });
}

function collectInterface(
  name: string,
  declarations: readonly ts.InterfaceDeclaration[],
  reading: TsdocReading,
  scope: Scope,
): void {
  const [first] = declarations;
  if (first === undefined) return;
  push(scope, first, { name, kind: "interface", doc: reading.doc });
  collectTypeMembers(
    name,
    declarations.flatMap((declaration) => declaration.members),
    scope,
  );
}

/** The property and method signatures of an interface or a type literal, as `Owner.member`. */
function collectTypeMembers(
  owner: string,
  members: readonly ts.TypeElement[],
  scope: Scope,
): void {
  for (const member of members) {
    const memberReading = readDoc(scope, [member]);
    const full = `${owner}.${memberName(member)}`;
    if (memberReading.internal) setAside(full, member, scope);
    else if (ts.isMethodSignature(member)) {
      const signature = signatureFacts(
        member,
        undefined,
        paramNames(memberReading),
        scope.checker,
      );
      push(scope, member, { name: full, kind: "method", doc: memberReading.doc, signature });
    } else if (ts.isPropertySignature(member)) {
      const value = valueFacts(member, scope.checker);
      push(scope, member, { name: full, kind: "property", doc: memberReading.doc, value });
    }
  }
}

/**
 * A type alias: a function type is scored as a signature; a type literal like an interface, its
 * members one by one, the alias itself checked for `any` only in what no member covers (index,
 * call and construct signatures); any other type for `any` anywhere in it.
 */
function collectTypeAlias(
  name: string,
  node: ts.TypeAliasDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  if (ts.isFunctionTypeNode(node.type)) {
    const signature = signatureFacts(node.type, undefined, paramNames(reading), scope.checker);
    push(scope, node, { name, kind: "type", doc: reading.doc, signature });
    return;
  }
  if (ts.isTypeLiteralNode(node.type)) {
    const { members } = node.type;
    const unscored = members.filter(
      (m) => !ts.isPropertySignature(m) && !ts.isMethodSignature(m),
    );
    const hasAny = signaturesHaveAny(unscored, scope.checker);
    push(scope, node, { name, kind: "type", doc: reading.doc, shapeHasAny: hasAny });
    collectTypeMembers(name, members, scope);
    return;
  }
  const hasAny = shapeHasAny(node.type, scope.checker);
  push(scope, node, { name, kind: "type", doc: reading.doc, shapeHasAny: hasAny });
}

function collectEnum(
  name: string,
  node: ts.EnumDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  push(scope, node, { name, kind: "enum", doc: reading.doc });
  for (const member of node.members) {
    const doc = readDoc(scope, [member]).doc;
    push(scope, member, { name: `${name}.${memberName(member)}`, kind: "enum-member", doc });
  }
}

type Located = Omit<SymbolFacts, "package" | "entry" | "file" | "line" | "span">;

/**
 * Records one symbol. Every facts object is built with the same fields in the same order (absent
 * ones `undefined`), so tens of thousands of them share one shape; spreading two objects into a
 * new one cost a tenth of collection on the bench corpus.
 */
function push(scope: Scope, node: ts.Node, facts: Located): void {
  const { file, line } = where(node, scope.root);
  scope.out.symbols.push({
    name: facts.name,
    kind: facts.kind,
    package: scope.packageName,
    entry: scope.entry,
    file,
    line,
    span: declarationSpan(node),
    overload: facts.overload,
    doc: facts.doc,
    signature: facts.signature,
    value: facts.value,
    shapeHasAny: facts.shapeHasAny,
  });
}

function setAside(name: string, node: ts.Node, scope: Scope): void {
  const entry = scope.entry === undefined ? {} : { entry: scope.entry };
  scope.out.internal.push({
    name,
    package: scope.packageName,
    ...entry,
    ...where(node, scope.root),
  });
}

/** Relative paths by file: computed once per file, not once per symbol. */
const relativePaths = new WeakMap<ts.SourceFile, string>();

function where(node: ts.Node, root: string): { file: string; line: number } {
  const source = node.getSourceFile();
  let file = relativePaths.get(source);
  if (file === undefined) {
    file = relative(root, source.fileName).split(sep).join("/");
    relativePaths.set(source, file);
  }
  return { file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 };
}

/** The documented parameters in order (property paths such as `options.x` left out). */
function paramNames(reading: TsdocReading): string[] {
  return reading.doc.params.map((param) => param.name).filter((name) => paramRoot(name) === name);
}

function isPublic(member: ts.ClassElement): boolean {
  if (member.name !== undefined && ts.isPrivateIdentifier(member.name)) return false;
  if (ts.isIndexSignatureDeclaration(member) || ts.isClassStaticBlockDeclaration(member))
    return false;
  if (ts.isSemicolonClassElement(member)) return false;
  const flags = ts.getCombinedModifierFlags(member);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

function isStatic(member: ts.ClassElement): boolean {
  return (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
}

function memberName(member: ts.ClassElement | ts.TypeElement | ts.EnumMember): string {
  if (ts.isConstructorDeclaration(member)) return "constructor";
  const nameNode = member.name;
  if (nameNode === undefined) return "";
  if (ts.isComputedPropertyName(nameNode)) return `[${nameNode.expression.getText()}]`;
  return ts.isPrivateIdentifier(nameNode) ? nameNode.text : nameNode.getText();
}

/** The TSDoc comment right before a declaration (its statement, for a variable). */
function docComment(node: ts.Node): string | undefined {
  const host = commentHost(node);
  const text = host.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, host.pos) ?? [];
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index] as ts.CommentRange;
    const comment = text.slice(range.pos, range.end);
    if (isDocComment(comment)) return comment;
  }
  return undefined;
}

/** Where a declaration's comment sits: a variable's is on its statement. */
function commentHost(node: ts.Node): ts.Node {
  return ts.isVariableDeclaration(node) ? node.parent.parent : node;
}

/** A `/** … *\/` comment that documents a declaration, not the package. */
function isDocComment(text: string): boolean {
  return text.startsWith("/**") && text !== "/**/" && !text.includes("@packageDocumentation");
}

/** The reading of the first of `nodes` that has a doc comment, in its file's TSDoc dialect. */
function readDoc(scope: Scope, nodes: readonly ts.Node[]): TsdocReading {
  for (const node of nodes) {
    const comment = docComment(node);
    if (comment !== undefined) return readTsdoc(comment, dialectOf(scope, node.getSourceFile()));
  }
  return NO_READING;
}

const NO_READING: TsdocReading = { doc: NO_DOC, internal: false, packageDocumentation: false };

function dialectOf(scope: Scope, file: ts.SourceFile): TsdocDialect | undefined {
  if (scope.dialectOf === undefined) return undefined;
  let dialect = scope.dialects.get(file);
  if (dialect === undefined) {
    dialect = scope.dialectOf(file.fileName);
    scope.dialects.set(file, dialect);
  }
  return dialect;
}
