/**
 * Whether an initializer fixes its declaration's type by itself, the way TypeScript's
 * `isolatedDeclarations` decides it (its syntactic type builder, TypeScript 6.0): a declaration
 * without an annotation counts as typed when the declaration emitter could write its type without
 * the type checker. That holds for:
 *
 * - a primitive literal (`"a"`, `1`, `-1`, `1n`, `true`, a template without substitutions), `null`
 *   and `undefined`; a template with substitutions only where its type widens to `string` (a `let`
 *   or a mutable property, not a `const`);
 * - a type assertion, `x as T` or `<T>x`: its declared type is `T`, written out;
 * - `x as const`, when `x` is itself inferable in a const context;
 * - an object literal whose members are all inferable: property values as above (nested), methods
 *   and accessors with typed parameters and a written (or single-expression) return type, no
 *   spreads, no shorthand properties, no computed names but literals and `Symbol.*`;
 * - an array literal without spreads, only under `as const`;
 * - a function expression or arrow function with typed parameters and a written (or
 *   single-expression) return type.
 *
 * One deliberate difference: `isolatedDeclarations` rejects every `x satisfies T` (TS9010), even
 * `"a" satisfies T`, while here `satisfies` is transparent: `x satisfies T` counts exactly when
 * `x` would. `satisfies` checks a value against `T` without changing its type, so the declared
 * type is still the inferred type of `x`: written out by `{ a: 1 } as const satisfies T`, left to
 * inference by `load() satisfies T`.
 */
import ts from "../typescript.cjs";

/**
 * Tells whether an initializer fixes the type of the declaration it initializes.
 *
 * @param expression - the initializer
 * @param preserveLiterals - whether the declaration keeps literal types (a `const` variable, a
 *   `readonly` property), where a template with substitutions is not a `string`
 * @returns `true` when `isolatedDeclarations` (with `satisfies` transparent) could write its type
 * @example
 * ```ts
 * isInferableInitializer(declaration.initializer, true); // true for `{} as Options`
 * ```
 */
export function isInferableInitializer(
  expression: ts.Expression,
  preserveLiterals: boolean,
): boolean {
  return inferable(expression, false, preserveLiterals);
}

const PRIMITIVE_LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

type Rule = (node: ts.Expression, constContext: boolean, preserveLiterals: boolean) => boolean;

/** The expressions `isolatedDeclarations` can type without the checker, by syntax kind. */
const RULES = new Map<ts.SyntaxKind, Rule>([
  [ts.SyntaxKind.ParenthesizedExpression, transparent],
  [ts.SyntaxKind.SatisfiesExpression, transparent],
  [ts.SyntaxKind.AsExpression, assertion],
  [ts.SyntaxKind.TypeAssertionExpression, assertion],
  [ts.SyntaxKind.Identifier, (node) => (node as ts.Identifier).text === "undefined"],
  [
    ts.SyntaxKind.PrefixUnaryExpression,
    (node) => isSignedNumber(node as ts.PrefixUnaryExpression),
  ],
  [ts.SyntaxKind.TemplateExpression, (_, constContext, keep) => !constContext && !keep],
  [ts.SyntaxKind.ObjectLiteralExpression, objectLiteral],
  [ts.SyntaxKind.ArrayLiteralExpression, arrayLiteral],
  [ts.SyntaxKind.ArrowFunction, (node) => inferableFunction(node as ts.ArrowFunction)],
  [ts.SyntaxKind.FunctionExpression, (node) => inferableFunction(node as ts.FunctionExpression)],
]);

function inferable(
  node: ts.Expression,
  constContext: boolean,
  preserveLiterals: boolean,
): boolean {
  if (PRIMITIVE_LITERALS.has(node.kind)) return true;
  return RULES.get(node.kind)?.(node, constContext, preserveLiterals) === true;
}

/** `(x)` and `x satisfies T` have the type of `x`. */
function transparent(node: ts.Expression, constContext: boolean, keep: boolean): boolean {
  const inner = (node as ts.ParenthesizedExpression | ts.SatisfiesExpression).expression;
  return inferable(inner, constContext, keep);
}

/** `x as T` is typed `T`; `x as const` is typed when `x` is, in a const context. */
function assertion(node: ts.Expression): boolean {
  const { type, expression } = node as ts.AsExpression | ts.TypeAssertion;
  return !ts.isConstTypeReference(type) || inferable(expression, true, false);
}

function objectLiteral(node: ts.Expression, constContext: boolean): boolean {
  return (node as ts.ObjectLiteralExpression).properties.every(inferableMember(constContext));
}

/** Outside a const context an array literal's element type needs the checker. */
function arrayLiteral(node: ts.Expression, constContext: boolean): boolean {
  return constContext && (node as ts.ArrayLiteralExpression).elements.every(inferableElement);
}

/** `-1`, `+1`, `-1n`: what `isolatedDeclarations` calls a primitive literal value. */
function isSignedNumber(node: ts.PrefixUnaryExpression): boolean {
  const signed =
    node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken;
  return (
    signed &&
    (ts.isNumericLiteral(node.operand) ||
      (node.operator === ts.SyntaxKind.MinusToken && ts.isBigIntLiteral(node.operand)))
  );
}

function inferableElement(element: ts.Expression): boolean {
  if (ts.isOmittedExpression(element)) return true;
  return !ts.isSpreadElement(element) && inferable(element, true, false);
}

function inferableMember(
  constContext: boolean,
): (member: ts.ObjectLiteralElementLike) => boolean {
  return (member) => {
    if (ts.isSpreadAssignment(member) || ts.isShorthandPropertyAssignment(member)) return false;
    if (!inferableName(member.name)) return false;
    if (ts.isPropertyAssignment(member))
      return inferable(member.initializer, constContext, false);
    if (ts.isMethodDeclaration(member)) return inferableFunction(member);
    return accessorTyped(member);
  };
}

function inferableName(name: ts.PropertyName): boolean {
  if (ts.isPrivateIdentifier(name)) return false;
  if (!ts.isComputedPropertyName(name)) return true;
  const { expression } = name;
  if (ts.isStringLiteral(expression) || ts.isNumericLiteral(expression)) return true;
  if (ts.isPrefixUnaryExpression(expression) && isSignedNumber(expression)) return true;
  return (
    ts.isPropertyAccessExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === "Symbol"
  );
}

/**
 * An object literal's accessor pair is typed when one of them writes the type, or its getter
 * returns a single inferable expression.
 */
function accessorTyped(accessor: ts.AccessorDeclaration): boolean {
  const siblings = (accessor.parent as ts.ObjectLiteralExpression).properties.filter(
    (other): other is ts.AccessorDeclaration =>
      ts.isAccessor(other) && other.name.getText() === accessor.name.getText(),
  );
  const written = siblings.some((member) =>
    ts.isGetAccessor(member)
      ? member.type !== undefined
      : member.parameters[0]?.type !== undefined,
  );
  const getter = siblings.find(ts.isGetAccessor);
  return written || (getter !== undefined && singleReturnInferable(getter));
}

/** A function whose return type a single returned expression can fix. */
type FunctionLike =
  ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration | ts.GetAccessorDeclaration;

/** Typed parameters, and a return type written out or fixed by a single returned expression. */
function inferableFunction(node: FunctionLike): boolean {
  const parameters = node.parameters.every(
    (param) =>
      param.type !== undefined ||
      (param.initializer !== undefined &&
        ts.isIdentifier(param.name) &&
        inferable(param.initializer, false, false)),
  );
  return parameters && (node.type !== undefined || singleReturnInferable(node));
}

function singleReturnInferable(node: FunctionLike): boolean {
  const { body } = node;
  if (body === undefined) return false;
  if (isAsync(node) || isGenerator(node)) return false;
  if (!ts.isBlock(body)) return inferable(body, false, false);
  const returns = ownReturns(body);
  const [only] = returns;
  return (
    returns.length === 1 &&
    only?.parent === body &&
    only.expression !== undefined &&
    inferable(only.expression, false, false)
  );
}

function isAsync(node: ts.SignatureDeclaration): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) === true;
}

function isGenerator(node: ts.SignatureDeclaration): boolean {
  return (
    (ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) &&
    node.asteriskToken !== undefined
  );
}

/** The `return` statements of a body, not of the functions nested in it. */
function ownReturns(node: ts.Node): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isReturnStatement(child)) found.push(child);
    if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}
