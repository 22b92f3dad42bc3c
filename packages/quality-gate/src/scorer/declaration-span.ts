/**
 * The lines a public symbol occupies for `--since`: its doc comment and its declaration up to the
 * body. A function's or class's body is left out, so editing an implementation does not make an
 * old symbol's missing docs count; editing its comment or its signature does.
 */
import ts from "../typescript.cjs";

/**
 * Finds the first and last line of a declaration's head, its doc comment included.
 *
 * @param node - the declaration (a variable declaration's comment sits on its statement)
 * @returns 1-based, inclusive line numbers
 * @example
 * ```ts
 * declarationSpan(fn); // [3, 9]: from `/**` to the line with the body's `{`
 * ```
 */
export function declarationSpan(node: ts.Node): readonly [number, number] {
  const source = node.getSourceFile();
  const host = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const line = (position: number): number =>
    source.getLineAndCharacterOfPosition(position).line + 1;
  const comments = ts.getLeadingCommentRanges(source.text, host.pos) ?? [];
  const doc = comments.filter((range) => source.text.startsWith("/**", range.pos)).at(-1);
  const start = doc?.pos ?? host.getStart(source);
  return [line(start), line(headEnd(node, source))];
}

/** Where the declaration's head ends: at its body's opening brace, or at its end. */
function headEnd(node: ts.Node, source: ts.SourceFile): number {
  const target = ts.isVariableDeclaration(node) ? (node.initializer ?? node) : node;
  if (ts.isClassLike(target)) return target.members.pos;
  const body = ts.isFunctionLike(target) && "body" in target ? target.body : undefined;
  return body === undefined ? node.getEnd() : body.getStart(source);
}
