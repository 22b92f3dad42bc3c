/**
 * Turns public exports into {@link SymbolFacts}: one entry per exported function (per overload
 * signature), class, interface, type alias, enum and variable, plus the public members of classes
 * and interfaces, enum members and getter/setter pairs (one symbol). `@internal` declarations are
 * set aside, never scored.
 */
import { relative, sep } from "node:path";
import { Node, SyntaxKind, ts } from "ts-morph";
import type {
  ClassDeclaration,
  EnumDeclaration,
  GetAccessorDeclaration,
  InterfaceDeclaration,
  SetAccessorDeclaration,
  TypeAliasDeclaration,
} from "ts-morph";
import type { PublicExport } from "./public-surface.js";
import { readTsdoc } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";
import type { SymbolFacts, SymbolKind } from "./symbol-facts.js";
import { shapeHasAny, signatureFacts, valueFacts } from "./type-facts.js";
import type { SignatureNode } from "./type-facts.js";

/** A public declaration left out of scoring because its TSDoc says `@internal`. */
export interface InternalSymbol {
  /** The name it would have had. */
  readonly name: string;
  /** Its package. */
  readonly package: string;
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

interface Scope {
  readonly root: string;
  readonly packageName: string;
  readonly out: CollectedSymbols;
}

/** Declarations that carry a name on their own, most significant first, for merged names. */
const PRIMARY_ORDER = [
  SyntaxKind.ClassDeclaration,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.EnumDeclaration,
  SyntaxKind.InterfaceDeclaration,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.VariableDeclaration,
];

/**
 * Collects the facts of a package's public exports.
 *
 * @param exports - the package's public exports
 * @param root - the repository root, for relative file paths
 * @param packageName - the package the exports belong to
 * @returns the symbols to score and the `@internal` ones
 * @example
 * ```ts
 * const { symbols } = collectSymbols(collectPublicExports(entries, new Set()), "/repo", "@ladder/cache");
 * ```
 */
export function collectSymbols(
  exports: readonly PublicExport[],
  root: string,
  packageName: string,
): CollectedSymbols {
  const scope: Scope = { root, packageName, out: { symbols: [], internal: [] } };
  for (const exported of exports) collectExport(exported.name, exported.declarations, scope);
  return scope.out;
}

function collectExport(name: string, declarations: readonly Node[], scope: Scope): void {
  const primary = pickPrimary(declarations);
  const reading = readTsdoc(docComment(primary) ?? firstDocComment(declarations));
  if (reading.internal) {
    setAside(name, primary, scope);
    return;
  }
  if (Node.isClassDeclaration(primary)) collectClass(name, primary, reading, scope);
  else if (Node.isFunctionDeclaration(primary)) collectCallable(name, "function", primary, scope);
  else if (Node.isInterfaceDeclaration(primary)) {
    collectInterface(name, declarations.filter(Node.isInterfaceDeclaration), reading, scope);
  } else if (Node.isTypeAliasDeclaration(primary))
    collectTypeAlias(name, primary, reading, scope);
  else if (Node.isEnumDeclaration(primary)) collectEnum(name, primary, reading, scope);
  else if (Node.isModuleDeclaration(primary)) {
    for (const [member, inner] of primary.getExportedDeclarations()) {
      collectExport(`${name}.${member}`, inner, scope);
    }
  } else collectVariable(name, primary, reading, scope);
}

function pickPrimary(declarations: readonly Node[]): Node {
  for (const kind of PRIMARY_ORDER) {
    const match = declarations.find((declaration) => declaration.getKind() === kind);
    if (match !== undefined) return match;
  }
  return declarations[0] as Node;
}

function collectVariable(name: string, node: Node, reading: TsdocReading, scope: Scope): void {
  const initializer = Node.isVariableDeclaration(node) ? node.getInitializer() : undefined;
  const annotated = Node.isVariableDeclaration(node) && node.getTypeNode() !== undefined;
  if (
    !annotated &&
    (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))
  ) {
    const facts = signatureFacts(initializer, initializer.getBody(), paramNames(reading));
    push(scope, node, { name, kind: "function", doc: reading.doc, signature: facts });
    return;
  }
  push(scope, node, { name, kind: "variable", doc: reading.doc, value: valueFacts(node) });
}

/** The node kinds that can be overloaded: functions, methods and constructors. */
type Overloadable = SignatureNode & {
  getOverloads(): SignatureNode[];
  getImplementation(): (SignatureNode & { getBody(): Node | undefined }) | undefined;
  getBody(): Node | undefined;
};

/**
 * A function, method or constructor: one symbol, or one per overload signature. Whichever
 * declaration the export points at, the overloads are scored and the implementation's body decides
 * whether `@throws` is needed.
 */
function collectCallable(name: string, kind: SymbolKind, node: Overloadable, scope: Scope): void {
  const implementation = node.getImplementation() ?? node;
  const overloads = (implementation as Overloadable).getOverloads();
  const signatures = overloads.length > 0 ? overloads : [implementation];
  const body = implementation.getBody();
  signatures.forEach((signature, index) => {
    const reading = readTsdoc(docComment(signature));
    const facts = signatureFacts(signature, body, paramNames(reading));
    const overload = signatures.length > 1 ? { overload: index } : {};
    push(scope, signature, { name, kind, doc: reading.doc, signature: facts, ...overload });
  });
}

function collectClass(
  name: string,
  node: ClassDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  push(scope, node, { name, kind: "class", doc: reading.doc });
  for (const ctor of node.getConstructors()) {
    if (isPublic(ctor)) collectMember(`${name}.constructor`, ctor, scope);
  }
  for (const member of node.getMembers()) {
    if (!isPublic(member) || Node.isConstructorDeclaration(member)) continue;
    collectMember(`${name}.${memberName(member)}`, member, scope);
  }
}

function collectMember(name: string, member: Node, scope: Scope): void {
  if (readTsdoc(docComment(member)).internal) {
    setAside(name, member, scope);
    return;
  }
  if (Node.isConstructorDeclaration(member)) collectCallable(name, "constructor", member, scope);
  else if (Node.isMethodDeclaration(member)) collectCallable(name, "method", member, scope);
  else if (Node.isGetAccessorDeclaration(member) || Node.isSetAccessorDeclaration(member)) {
    collectAccessor(name, member, scope);
  } else if (Node.isPropertyDeclaration(member)) {
    const doc = readTsdoc(docComment(member)).doc;
    push(scope, member, { name, kind: "property", doc, value: valueFacts(member) });
  }
}

/** A getter and its setter are one symbol, reported at the getter (or at a lone setter). */
function collectAccessor(
  name: string,
  member: GetAccessorDeclaration | SetAccessorDeclaration,
  scope: Scope,
): void {
  if (Node.isSetAccessorDeclaration(member) && member.getGetAccessor() !== undefined) return;
  const pair = Node.isGetAccessorDeclaration(member) ? member.getSetAccessor() : undefined;
  const setter = Node.isSetAccessorDeclaration(member) ? member : pair;
  const reading = readTsdoc(docComment(member) ?? (pair && docComment(pair)));
  const value = { typed: accessorTyped(member, setter), hasAny: valueFacts(member).hasAny };
  push(scope, member, { name, kind: "accessor", doc: reading.doc, value });
}

/** A getter with a return type, or a setter with a typed parameter, fixes the pair's type. */
function accessorTyped(
  member: GetAccessorDeclaration | SetAccessorDeclaration,
  setter: SetAccessorDeclaration | undefined,
): boolean {
  if (Node.isGetAccessorDeclaration(member) && member.getReturnTypeNode() !== undefined)
    return true;
  return setter?.getParameters()[0]?.getTypeNode() !== undefined;
}

function collectInterface(
  name: string,
  declarations: readonly InterfaceDeclaration[],
  reading: TsdocReading,
  scope: Scope,
): void {
  const [first] = declarations;
  if (first === undefined) return;
  push(scope, first, { name, kind: "interface", doc: reading.doc });
  for (const member of declarations.flatMap((declaration) => declaration.getMembers())) {
    const memberReading = readTsdoc(docComment(member));
    const memberFullName = `${name}.${memberName(member)}`;
    if (memberReading.internal) setAside(memberFullName, member, scope);
    else if (Node.isMethodSignature(member)) {
      const facts = signatureFacts(member, undefined, paramNames(memberReading));
      push(scope, member, {
        name: memberFullName,
        kind: "method",
        doc: memberReading.doc,
        signature: facts,
      });
    } else if (Node.isPropertySignature(member)) {
      const value = valueFacts(member);
      push(scope, member, {
        name: memberFullName,
        kind: "property",
        doc: memberReading.doc,
        value,
      });
    }
  }
}

function collectTypeAlias(
  name: string,
  node: TypeAliasDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  const typeNode = node.getTypeNodeOrThrow();
  if (Node.isFunctionTypeNode(typeNode)) {
    const facts = signatureFacts(typeNode, undefined, paramNames(reading));
    push(scope, node, { name, kind: "type", doc: reading.doc, signature: facts });
    return;
  }
  push(scope, node, { name, kind: "type", doc: reading.doc, shapeHasAny: shapeHasAny(typeNode) });
}

function collectEnum(
  name: string,
  node: EnumDeclaration,
  reading: TsdocReading,
  scope: Scope,
): void {
  push(scope, node, { name, kind: "enum", doc: reading.doc });
  for (const member of node.getMembers()) {
    const doc = readTsdoc(docComment(member)).doc;
    push(scope, member, { name: `${name}.${member.getName()}`, kind: "enum-member", doc });
  }
}

type Located = Omit<SymbolFacts, "package" | "file" | "line">;

function push(scope: Scope, node: Node, facts: Located): void {
  scope.out.symbols.push({ ...facts, package: scope.packageName, ...where(node, scope.root) });
}

function setAside(name: string, node: Node, scope: Scope): void {
  scope.out.internal.push({ name, package: scope.packageName, ...where(node, scope.root) });
}

/** Relative paths by file: computed once per file, not once per symbol. */
const relativePaths = new WeakMap<ts.SourceFile, string>();

/**
 * Where a declaration is. Uses the compiler's line map (a binary search) rather than
 * `getStartLineNumber`, which rescans the file's text on every call.
 */
function where(node: Node, root: string): { file: string; line: number } {
  const source = node.getSourceFile().compilerNode;
  let file = relativePaths.get(source);
  if (file === undefined) {
    file = relative(root, source.fileName).split(sep).join("/");
    relativePaths.set(source, file);
  }
  const start = node.compilerNode.getStart(source);
  return { file, line: source.getLineAndCharacterOfPosition(start).line + 1 };
}

function paramNames(reading: TsdocReading): string[] {
  return reading.doc.params.map((param) => param.name);
}

function isPublic(member: Node): boolean {
  if (Node.hasName(member) && member.getNameNode().getKind() === SyntaxKind.PrivateIdentifier) {
    return false;
  }
  if (!Node.isModifierable(member)) return true;
  return (
    !member.hasModifier(SyntaxKind.PrivateKeyword) &&
    !member.hasModifier(SyntaxKind.ProtectedKeyword)
  );
}

function memberName(member: Node): string {
  return Node.hasName(member)
    ? member.getName()
    : (member.getText().split(/[(:]/)[0]?.trim() ?? "");
}

/** The TSDoc comment right before a declaration (its statement, for a variable). */
function docComment(node: Node): string | undefined {
  const host = commentHost(node).compilerNode;
  const text = host.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, host.pos) ?? [];
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index] as ts.CommentRange;
    const comment = text.slice(range.pos, range.end);
    if (isDocComment(comment)) return comment;
  }
  return undefined;
}

/** Where a declaration's comment sits: on the variable statement, or the `export default`. */
function commentHost(node: Node): Node {
  if (Node.isVariableDeclaration(node)) return node.getVariableStatement() ?? node;
  const parent = node.getParent();
  return Node.isExportAssignment(parent) ? parent : node;
}

/** A `/** … *\/` comment that documents a declaration, not the package. */
function isDocComment(text: string): boolean {
  return text.startsWith("/**") && text !== "/**/" && !text.includes("@packageDocumentation");
}

function firstDocComment(declarations: readonly Node[]): string | undefined {
  for (const declaration of declarations) {
    const comment = docComment(declaration);
    if (comment !== undefined) return comment;
  }
  return undefined;
}
