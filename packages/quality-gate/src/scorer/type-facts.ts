/**
 * Type facts read through the type checker: parameter and return types of a signature, a value's
 * type, and whether any of them is or contains `any`, explicit or inferred (`Promise<any>`,
 * `any[]`, an `any` returned from an untyped dependency). Works on the compiler's nodes.
 */
import ts from "../typescript.cjs";
import { isInferableInitializer } from "./inferable-initializer.js";
import type { ParamFacts, SignatureFacts, ValueFacts } from "./symbol-facts.js";

/** A declaration whose type can be written out: variable, property, parameter, accessor. */
export type ValueNode = ts.Node & {
  readonly type?: ts.TypeNode | undefined;
  readonly initializer?: ts.Expression | undefined;
};

/**
 * Reads the type facts of one call signature.
 *
 * @param node - the signature's declaration (function, method, constructor, arrow, function type)
 * @param body - the body whose own `throw` statements count (the implementation's, for overloads)
 * @param documentedNames - the `@param` names, used to name destructured parameters by position
 * @param checker - the Program's type checker
 * @returns parameters, return type and throw facts
 * @example
 * ```ts
 * signatureFacts(declaration, declaration.body, ["key"], checker).params[0]?.typed; // true
 * ```
 */
export function signatureFacts(
  node: ts.SignatureDeclaration,
  body: ts.Node | undefined,
  documentedNames: readonly string[],
  checker: ts.TypeChecker,
): SignatureFacts {
  const signature = checker.getSignatureFromDeclaration(node);
  const returnType =
    signature === undefined ? undefined : checker.getReturnTypeOfSignature(signature);
  const params = node.parameters.filter(
    (param) => !(ts.isIdentifier(param.name) && param.name.text === "this"),
  );
  return {
    params: params.map((param, index): ParamFacts => ({
      name: ts.isIdentifier(param.name)
        ? param.name.text
        : (documentedNames[index] ?? `param${index}`),
      typed: isTyped(param),
      hasAny: mentionsAny(param.type) || containsAny(checker.getTypeAtLocation(param), checker),
    })),
    declaresReturnType: ts.isFunctionTypeNode(node) || node.type !== undefined,
    returnsNothing: returnType !== undefined && returnsNothing(returnType, checker),
    returnHasAny:
      mentionsAny(node.type) || (returnType !== undefined && containsAny(returnType, checker)),
    bodyThrows: body !== undefined && hasOwnThrow(body),
  };
}

/**
 * Reads the type facts of a value: an exported variable, a class property, a property signature,
 * an accessor, or the expression of `export default`.
 *
 * @param node - the declaration
 * @param checker - the Program's type checker
 * @returns whether its type is written out (or fixed by its initializer, as `isolatedDeclarations`
 *   decides it: see `inferable-initializer.ts`) and whether it contains `any`
 * @example
 * ```ts
 * valueFacts(variable, checker).typed; // false for `export const x = compute()`, true for `… as T`
 * ```
 */
export function valueFacts(node: ValueNode, checker: ts.TypeChecker): ValueFacts {
  return {
    typed: isTyped(node),
    hasAny: mentionsAny(node.type) || containsAny(checker.getTypeAtLocation(node), checker),
  };
}

/**
 * Reads the type facts of `export default <expression>`: it has no annotation, so only its
 * expression can fix its type (a literal, `as T`, `as const`: see `inferable-initializer.ts`). The type is read from the module's `default` symbol, because the
 * checker types an export assignment's expression as `any` when asked about the node itself.
 *
 * @param node - the `export default` statement
 * @param checker - the Program's type checker
 * @returns whether a literal fixes its type and whether that type contains `any`
 * @example
 * ```ts
 * defaultExportFacts(exportAssignment, checker).typed; // true for `export default 42`
 * ```
 */
export function defaultExportFacts(
  node: ts.ExportAssignment,
  checker: ts.TypeChecker,
): ValueFacts {
  const module = checker.getSymbolAtLocation(node.getSourceFile());
  const symbol = module && checker.getExportsOfModule(module).find((e) => e.name === "default");
  return {
    typed: isInferableInitializer(node.expression, true),
    hasAny: symbol !== undefined && containsAny(checker.getTypeOfSymbol(symbol), checker),
  };
}

/**
 * Tells whether a type node mentions `any` anywhere, or its type contains `any`.
 *
 * @param typeNode - a type alias's type node
 * @param checker - the Program's type checker
 * @returns `true` when `any` appears in it
 * @example
 * ```ts
 * shapeHasAny(alias.type, checker); // true for `type T = { a: any }`
 * ```
 */
export function shapeHasAny(typeNode: ts.TypeNode, checker: ts.TypeChecker): boolean {
  return mentionsAny(typeNode) || containsAny(checker.getTypeAtLocation(typeNode), checker);
}

/**
 * Tells whether the members of a type literal that are not scored one by one (index, call and
 * construct signatures, accessors) mention `any` or resolve to a type containing it.
 *
 * @param signatures - those members
 * @param checker - the Program's type checker
 * @returns `true` when `any` appears in one of them
 * @example
 * ```ts
 * signaturesHaveAny([indexSignature], checker); // true for `[key: string]: any`
 * ```
 */
export function signaturesHaveAny(
  signatures: readonly ts.TypeElement[],
  checker: ts.TypeChecker,
): boolean {
  return signatures.some((signature) => {
    if (mentionsAny(signature)) return true;
    if (!ts.isFunctionLike(signature)) return false;
    const nodes = [signature.type, ...signature.parameters.map((param) => param.type)];
    return nodes.some(
      (node) => node !== undefined && containsAny(checker.getTypeFromTypeNode(node), checker),
    );
  });
}

/**
 * A type annotation, or an initializer that fixes the type as `isolatedDeclarations` would see it
 * (a literal, `as T`, `as const`, an object literal of such values; `satisfies` is transparent).
 */
function isTyped(node: ValueNode): boolean {
  if (node.type !== undefined) return true;
  return (
    node.initializer !== undefined &&
    isInferableInitializer(node.initializer, keepsLiterals(node))
  );
}

/** A `const` variable or a `readonly` property keeps literal types (`"a"`, not `string`). */
function keepsLiterals(node: ValueNode): boolean {
  if (ts.isParameter(node)) return false;
  if (ts.isVariableDeclaration(node)) {
    return (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Constant) !== 0;
  }
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Readonly) !== 0;
}

/** Whether a written type mentions the `any` keyword anywhere. */
function mentionsAny(typeNode: ts.Node | undefined): boolean {
  if (typeNode === undefined) return false;
  if (typeNode.kind === ts.SyntaxKind.AnyKeyword) return true;
  return ts.forEachChild(typeNode, (child) => (mentionsAny(child) ? true : undefined)) === true;
}

/**
 * `any` itself, or inside a union, an intersection or a generic's type arguments. A type argument
 * that is `any` only because the type parameter defaults to `any` (`IterableIterator<T>`'s
 * `TReturn`) is the library's choice, not the author's, and is skipped; an `any` the author wrote
 * is caught from the type node by {@link mentionsAny}.
 */
function containsAny(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  if (isAny(type)) return true;
  if (depth > 4) return false;
  if (type.isUnionOrIntersection()) {
    return type.types.some((member) => containsAny(member, checker, depth + 1));
  }
  if (!isReference(type)) return false;
  const parameters = type.target.typeParameters ?? [];
  return checker.getTypeArguments(type).some((argument, index) => {
    if (isAny(argument) && defaultsToAny(parameters[index], checker)) return false;
    return containsAny(argument, checker, depth + 1);
  });
}

function defaultsToAny(
  parameter: ts.TypeParameter | undefined,
  checker: ts.TypeChecker,
): boolean {
  const fallback =
    parameter === undefined ? undefined : checker.getDefaultFromTypeParameter(parameter);
  return fallback !== undefined && isAny(fallback);
}

function isAny(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Any) !== 0;
}

function returnsNothing(type: ts.Type, checker: ts.TypeChecker): boolean {
  const nothing = ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.Undefined;
  if ((type.flags & nothing) !== 0) return true;
  if (type.isUnion()) return type.types.every((member) => returnsNothing(member, checker));
  if (isReference(type) && type.getSymbol()?.getName() === "Promise") {
    const [awaited] = checker.getTypeArguments(type);
    return awaited !== undefined && returnsNothing(awaited, checker);
  }
  return false;
}

function isReference(type: ts.Type): type is ts.TypeReference {
  return (
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0
  );
}

/**
 * A `throw` in the node's own code, not inside a nested function or class. Most bodies have no
 * `throw` anywhere in their text, and finding that out is cheaper than walking their syntax. The
 * search stays inside the body: searching on from it to the next `throw` in the file read the
 * rest of the file once per function, quadratic in a large generated file without one.
 */
function hasOwnThrow(node: ts.Node): boolean {
  const body = node.getSourceFile().text.slice(node.pos, node.end);
  return body.includes("throw") && hasThrowStatement(node);
}

function hasThrowStatement(node: ts.Node): boolean {
  return (
    ts.forEachChild(node, (child) => {
      if (ts.isThrowStatement(child)) return true;
      if (ts.isFunctionLike(child) || ts.isClassLike(child)) return undefined;
      return hasThrowStatement(child) ? true : undefined;
    }) === true
  );
}
