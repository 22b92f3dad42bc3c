/**
 * Finds `JSON.parse` results that leave an exported function typed as anything but `unknown`:
 * the caller then trusts data nothing has validated. Returning `unknown` forces a type guard or a
 * schema at the boundary.
 */
import ts from "../typescript.cjs";
import type { PublicExport } from "../scorer/public-surface.js";
import { qualifiedName } from "../scorer/qualified-name.js";

/** One unvalidated `JSON.parse` result leaving a public function. */
export interface JsonParseLeak {
  /** The public function's name (`parse`, `Config.load`, `./sub:parse` for a subpath's). */
  readonly symbol: string;
  /** The return type it claims instead of `unknown`. */
  readonly claimedType: string;
  /** The `JSON.parse` call. */
  readonly call: ts.CallExpression;
}

type FunctionNode = ts.FunctionLikeDeclaration;

/**
 * Checks the public functions and methods behind some exports.
 *
 * @param exports - public exports, each a name and its declarations
 * @param checker - the Program's type checker
 * @returns every leak, at its `JSON.parse` call
 * @example
 * ```ts
 * findJsonParseLeaks(collectPublicExports(entries, checker, new Set()), checker);
 * ```
 */
export function findJsonParseLeaks(
  exports: readonly PublicExport[],
  checker: ts.TypeChecker,
): JsonParseLeak[] {
  const leaks: JsonParseLeak[] = [];
  for (const { name, declarations, entry } of exports) {
    for (const [symbol, fn] of publicFunctions(qualifiedName(name, entry), declarations)) {
      leaks.push(...leaksOf(symbol, fn, checker));
    }
  }
  return leaks;
}

function publicFunctions(
  name: string,
  declarations: readonly ts.Node[],
): [string, FunctionNode][] {
  return declarations.flatMap((declaration): [string, FunctionNode][] => {
    if (ts.isFunctionDeclaration(declaration)) return [[name, declaration]];
    if (ts.isClassDeclaration(declaration)) {
      return declaration.members
        .filter(ts.isMethodDeclaration)
        .filter(
          (method) =>
            (ts.getCombinedModifierFlags(method) &
              ts.ModifierFlags.NonPublicAccessibilityModifier) ===
            0,
        )
        .map((method) => [`${name}.${method.name.getText()}`, method]);
    }
    const initializer = ts.isVariableDeclaration(declaration)
      ? declaration.initializer
      : undefined;
    const isFunction =
      initializer !== undefined &&
      (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer));
    return isFunction ? [[name, initializer]] : [];
  });
}

function leaksOf(symbol: string, fn: FunctionNode, checker: ts.TypeChecker): JsonParseLeak[] {
  const claimedType = returnTypeUnlessUnknown(fn, checker);
  if (claimedType === undefined) return [];
  return returnedExpressions(fn)
    .map((expression) => parseCallBehind(expression, checker))
    .filter((call) => call !== undefined)
    .map((call) => ({ symbol, claimedType, call }));
}

/** The function's return type as text, or `undefined` when it is `unknown` / `Promise<unknown>`. */
function returnTypeUnlessUnknown(fn: FunctionNode, checker: ts.TypeChecker): string | undefined {
  const signature = checker.getSignatureFromDeclaration(fn);
  if (signature === undefined) return undefined;
  const returned = checker.getReturnTypeOfSignature(signature);
  const awaited = checker.getAwaitedType(returned) ?? returned;
  if ((awaited.flags & ts.TypeFlags.Unknown) !== 0) return undefined;
  return checker.typeToString(returned);
}

/** What the function's own `return` statements (or expression body) return. */
function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  const { body } = fn;
  if (body === undefined) return [];
  if (!ts.isBlock(body)) return [body];
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression !== undefined)
      returned.push(node.expression);
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return returned;
}

/** The `JSON.parse` call an expression evaluates to, directly or through a local constant. */
function parseCallBehind(
  expression: ts.Expression,
  checker: ts.TypeChecker,
): ts.CallExpression | undefined {
  const inner = unwrap(expression);
  if (isJsonParse(inner)) return inner;
  if (!ts.isIdentifier(inner)) return undefined;
  const declaration = checker.getSymbolAtLocation(inner)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration)) return undefined;
  const initializer =
    declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
  return initializer !== undefined && isJsonParse(initializer) ? initializer : undefined;
}

function isJsonParse(node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.getText() === "JSON.parse";
}

/** Strips parentheses, `as`, `satisfies`, `!` and `await`, which do not validate anything. */
function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAwaitExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
