/**
 * Finds `JSON.parse` results that leave an exported function typed as anything but `unknown`:
 * the caller then trusts data nothing has validated. Returning `unknown` forces a type guard or a
 * schema at the boundary.
 */
import { Node, Scope, SyntaxKind, ts } from "ts-morph";
import type { CallExpression, Expression } from "ts-morph";

/** One unvalidated `JSON.parse` result leaving a public function. */
export interface JsonParseLeak {
  /** The public function's name. */
  readonly symbol: string;
  /** The return type it claims instead of `unknown`. */
  readonly claimedType: string;
  /** The `JSON.parse` call. */
  readonly call: CallExpression;
}

type FunctionNode = Node & { getBody(): Node | undefined };

/**
 * Checks the public functions and methods behind some exports.
 *
 * @param exports - public exports, each a name and its declarations
 * @returns every leak, at its `JSON.parse` call
 * @example
 * ```ts
 * findJsonParseLeaks(collectPublicExports(entries, new Set())).map((leak) => leak.symbol);
 * ```
 */
export function findJsonParseLeaks(
  exports: readonly { readonly name: string; readonly declarations: readonly Node[] }[],
): JsonParseLeak[] {
  const leaks: JsonParseLeak[] = [];
  for (const { name, declarations } of exports) {
    for (const [symbol, fn] of publicFunctions(name, declarations))
      leaks.push(...leaksOf(symbol, fn));
  }
  return leaks;
}

function publicFunctions(name: string, declarations: readonly Node[]): [string, FunctionNode][] {
  return declarations.flatMap((declaration): [string, FunctionNode][] => {
    if (Node.isFunctionDeclaration(declaration)) return [[name, declaration]];
    if (Node.isClassDeclaration(declaration)) {
      return declaration
        .getMethods()
        .filter((method) => method.getScope() === Scope.Public)
        .map((method) => [`${name}.${method.getName()}`, method]);
    }
    const initializer = Node.isVariableDeclaration(declaration)
      ? declaration.getInitializer()
      : undefined;
    const isFunction =
      Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer);
    return isFunction ? [[name, initializer]] : [];
  });
}

function leaksOf(symbol: string, fn: FunctionNode): JsonParseLeak[] {
  const claimedType = returnTypeUnlessUnknown(fn);
  if (claimedType === undefined) return [];
  return returnedExpressions(fn)
    .map(parseCallBehind)
    .filter((call) => call !== undefined)
    .map((call) => ({ symbol, claimedType, call }));
}

/** The function's return type as text, or `undefined` when it is `unknown` / `Promise<unknown>`. */
function returnTypeUnlessUnknown(fn: FunctionNode): string | undefined {
  const checker = fn.getProject().getTypeChecker().compilerObject;
  const signature = checker.getSignatureFromDeclaration(
    fn.compilerNode as ts.SignatureDeclaration,
  );
  if (signature === undefined) return undefined;
  const returned = checker.getReturnTypeOfSignature(signature);
  const awaited = checker.getAwaitedType(returned) ?? returned;
  if ((awaited.flags & ts.TypeFlags.Unknown) !== 0) return undefined;
  return checker.typeToString(returned);
}

/** What the function's own `return` statements (or expression body) return. */
function returnedExpressions(fn: FunctionNode): Expression[] {
  const body = fn.getBody();
  if (body === undefined) return [];
  if (Node.isExpression(body)) return [body];
  return body
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((statement) => statement.getFirstAncestor(isFunctionLike) === fn)
    .map((statement) => statement.getExpression())
    .filter((expression) => expression !== undefined);
}

function isFunctionLike(node: Node): boolean {
  return ts.isFunctionLike(node.compilerNode);
}

/** The `JSON.parse` call an expression evaluates to, directly or through a local constant. */
function parseCallBehind(expression: Expression): CallExpression | undefined {
  const inner = unwrap(expression);
  if (Node.isCallExpression(inner)) {
    return inner.getExpression().getText() === "JSON.parse" ? inner : undefined;
  }
  if (!Node.isIdentifier(inner)) return undefined;
  const declaration = inner.getSymbol()?.getValueDeclaration();
  const initializer = Node.isVariableDeclaration(declaration)
    ? declaration.getInitializer()
    : undefined;
  const call = initializer === undefined ? undefined : unwrap(initializer);
  return Node.isCallExpression(call) && call.getExpression().getText() === "JSON.parse"
    ? call
    : undefined;
}

/** Strips parentheses, `as`, `satisfies`, `!` and `await`, which do not validate anything. */
function unwrap(expression: Node): Node {
  let current = expression;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isAwaitExpression(current)
  ) {
    current = current.getExpression();
  }
  return current;
}
