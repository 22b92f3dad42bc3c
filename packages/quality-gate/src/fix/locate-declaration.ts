/**
 * Finds the declaration a rung 4 or rung 7 finding is about, in a ts-morph source file: the one of
 * the finding's name that starts on the finding's line, as the scorer located it. Edits move lines
 * (an added import, an added `@param`), so a located declaration is remembered by its place among
 * the file's declarations, which no fix adds to or removes from.
 */
import { Node, SyntaxKind } from "ts-morph";
import type { SourceFile } from "ts-morph";
import type { Finding } from "../ladder/finding.js";

/** Where a declaration is: its place among the file's declarations, and its name. */
export interface DeclarationKey {
  /** Its index among {@link declarationsOf}'s list. */
  readonly index: number;
  /** Its name, to check the place still holds it. */
  readonly name: string;
}

const DECLARATION_KINDS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
  SyntaxKind.PropertyDeclaration,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.InterfaceDeclaration,
  SyntaxKind.TypeAliasDeclaration,
  SyntaxKind.EnumDeclaration,
  SyntaxKind.EnumMember,
  SyntaxKind.ExportAssignment,
  SyntaxKind.ModuleDeclaration,
]);

/** Members that are declarations of the surface only where the scorer reads them. */
function isSurfaceMember(node: Node): boolean {
  const parent = node.getParent();
  if (Node.isMethodDeclaration(node)) return Node.isClassDeclaration(parent);
  if (!Node.isPropertySignature(node) && !Node.isMethodSignature(node)) return false;
  // An annotation a fix writes (`: { a: number }`) adds type literals, but never under these.
  return (
    Node.isInterfaceDeclaration(parent) ||
    (Node.isTypeLiteral(parent) && Node.isTypeAliasDeclaration(parent.getParent()))
  );
}

/**
 * Lists a file's declarations in document order.
 *
 * @param file - the source file
 * @returns every function, class and member, variable, interface and member, alias, enum
 * @example
 * ```ts
 * declarationsOf(file).map(declarationName); // ["add", "Box", "Box.size", …]
 * ```
 */
export function declarationsOf(file: SourceFile): Node[] {
  const found: Node[] = [];
  file.forEachDescendant((node) => {
    if (DECLARATION_KINDS.has(node.getKind()) || isSurfaceMember(node)) found.push(node);
  });
  return found;
}

/**
 * A declaration's own name, as the scorer names it: `constructor`, `default` for a default
 * export, the text of a computed name in brackets.
 *
 * @param node - a declaration from {@link declarationsOf}
 * @returns its name
 * @example
 * ```ts
 * declarationName(file.getClassOrThrow("Box").getConstructors()[0]); // "constructor"
 * ```
 */
export function declarationName(node: Node): string {
  if (Node.isConstructorDeclaration(node)) return "constructor";
  if (Node.isExportAssignment(node)) return "default";
  const nameNode = (node as { getNameNode?: () => Node | undefined }).getNameNode?.();
  if (nameNode === undefined) return "default";
  if (Node.isComputedPropertyName(nameNode)) return `[${nameNode.getExpression().getText()}]`;
  return nameNode.getText().replace(/^#/, "");
}

/**
 * Locates a finding's declaration.
 *
 * @param file - the finding's source file, as the scorer read it
 * @param finding - a rung 4 or 7 finding about a symbol
 * @returns its key, or `undefined` when no declaration of its name starts on its line
 * @example
 * ```ts
 * const key = locateDeclaration(file, finding);
 * ```
 */
export function locateDeclaration(
  file: SourceFile,
  finding: Finding,
): DeclarationKey | undefined {
  const symbol = (finding.symbol ?? "").replace(/^[^:]*:/, "");
  const declarations = declarationsOf(file);
  const index = declarations.findIndex((node) => {
    const name = declarationName(node);
    return (
      node.getStartLineNumber() === finding.line &&
      (symbol === name || symbol.endsWith(`.${name}`))
    );
  });
  const node = declarations[index];
  return node === undefined ? undefined : { index, name: declarationName(node) };
}

/**
 * Finds a located declaration again, after edits.
 *
 * @param file - the source file
 * @param key - from {@link locateDeclaration}
 * @returns the declaration, or `undefined` when its place no longer holds it
 * @example
 * ```ts
 * const node = findDeclaration(file, key);
 * ```
 */
export function findDeclaration(file: SourceFile, key: DeclarationKey): Node | undefined {
  const node = declarationsOf(file)[key.index];
  return node !== undefined && declarationName(node) === key.name ? node : undefined;
}
