/**
 * Type facts read through the type checker: parameter and return types of a signature, a value's
 * type, and whether any of them is or contains `any`, explicit or inferred (`Promise<any>`,
 * `any[]`, an `any` returned from an untyped dependency).
 */
import { Node, SyntaxKind, ts } from "ts-morph";
import type { ParameterDeclaration } from "ts-morph";
import type { ParamFacts, SignatureFacts, ValueFacts } from "./symbol-facts.js";

/** A declaration with a call signature: function, method, constructor, arrow or function type. */
export type SignatureNode = Node & {
  getParameters(): ParameterDeclaration[];
  getReturnTypeNode?(): Node | undefined;
};

/**
 * Reads the type facts of one call signature.
 *
 * @param node - the signature's declaration
 * @param body - the body whose own `throw` statements count (the implementation's, for overloads)
 * @param documentedNames - the `@param` names, used to name destructured parameters by position
 * @returns parameters, return type and throw facts
 * @example
 * ```ts
 * signatureFacts(fn, fn.getBody(), ["key"]).params[0]?.typed; // true
 * ```
 */
export function signatureFacts(
  node: SignatureNode,
  body: Node | undefined,
  documentedNames: readonly string[],
): SignatureFacts {
  const checker = node.getProject().getTypeChecker().compilerObject;
  const signature = checker.getSignatureFromDeclaration(
    node.compilerNode as ts.SignatureDeclaration,
  );
  const returnType =
    signature === undefined ? undefined : checker.getReturnTypeOfSignature(signature);
  const declaresReturnType =
    Node.isFunctionTypeNode(node) || (node.getReturnTypeNode?.() ?? undefined) !== undefined;
  return {
    params: node
      .getParameters()
      .filter((param) => param.getName() !== "this")
      .map((param, index) =>
        paramFacts(param, documentedNames[index] ?? `param${index}`, checker),
      ),
    declaresReturnType,
    returnsNothing: returnType !== undefined && returnsNothing(returnType, checker),
    returnHasAny:
      mentionsAny(node.getReturnTypeNode?.()) ||
      (returnType !== undefined && containsAny(returnType, checker)),
    bodyThrows: body !== undefined && hasOwnThrow(body.compilerNode),
  };
}

/**
 * Reads the type facts of a value: an exported variable, a class property, a property signature.
 *
 * @param node - the declaration
 * @returns whether its type is written out (or fixed by a literal / `as const` initializer) and
 *   whether it contains `any`
 * @example
 * ```ts
 * valueFacts(variable).typed; // false for `export const x = compute()`
 * ```
 */
export function valueFacts(node: Node): ValueFacts {
  const checker = node.getProject().getTypeChecker().compilerObject;
  const typeNode = (node as Node & { getTypeNode?(): Node | undefined }).getTypeNode?.();
  const initializer = (node as Node & { getInitializer?(): Node | undefined }).getInitializer?.();
  return {
    typed: typeNode !== undefined || (initializer !== undefined && isLiteralOrConst(initializer)),
    hasAny:
      mentionsAny(typeNode) || containsAny(checker.getTypeAtLocation(node.compilerNode), checker),
  };
}

/**
 * Tells whether a type node mentions `any` anywhere, or its type contains `any`.
 *
 * @param typeNode - a type alias's or property's type node
 * @returns `true` when `any` appears in it
 * @example
 * ```ts
 * shapeHasAny(alias.getTypeNodeOrThrow()); // true for `type T = { a: any }`
 * ```
 */
export function shapeHasAny(typeNode: Node): boolean {
  if (mentionsAny(typeNode)) return true;
  const checker = typeNode.getProject().getTypeChecker().compilerObject;
  return containsAny(checker.getTypeAtLocation(typeNode.compilerNode), checker);
}

function paramFacts(
  param: ParameterDeclaration,
  name: string,
  checker: ts.TypeChecker,
): ParamFacts {
  const initializer = param.getInitializer();
  const isIdentifier = Node.isIdentifier(param.getNameNode());
  return {
    name: isIdentifier ? param.getName() : name,
    typed:
      param.getTypeNode() !== undefined ||
      (initializer !== undefined && isLiteralOrConst(initializer)),
    hasAny:
      mentionsAny(param.getTypeNode()) ||
      containsAny(checker.getTypeAtLocation(param.compilerNode), checker),
  };
}

/**
 * `any` itself, or inside a union, an intersection or a generic's type arguments. A type argument
 * that is `any` only because the type parameter defaults to `any` (`IterableIterator<T>`'s
 * `TReturn`) is the library's choice, not the author's, and is skipped; an `any` the author wrote
 * is caught from the type node by {@link mentionsAny}.
 */
function containsAny(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  if ((type.flags & ts.TypeFlags.Any) !== 0) return true;
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

/** Whether a written type mentions the `any` keyword anywhere. */
function mentionsAny(typeNode: Node | undefined): boolean {
  if (typeNode === undefined) return false;
  return (
    typeNode.getKind() === SyntaxKind.AnyKeyword ||
    typeNode.getDescendantsOfKind(SyntaxKind.AnyKeyword).length > 0
  );
}

function returnsNothing(type: ts.Type, checker: ts.TypeChecker): boolean {
  const nothing = ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.Undefined;
  if ((type.flags & nothing) !== 0) return true;
  if (type.isUnion()) return type.types.every((t) => returnsNothing(t, checker));
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

const LITERAL_KINDS = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.BigIntLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
]);

function isLiteralOrConst(node: Node): boolean {
  if (LITERAL_KINDS.has(node.getKind())) return true;
  if (Node.isPrefixUnaryExpression(node)) return LITERAL_KINDS.has(node.getOperand().getKind());
  if (Node.isAsExpression(node)) return node.getTypeNode()?.getText() === "const";
  return false;
}

/** A `throw` in the node's own code, not inside a nested function or class. */
function hasOwnThrow(node: ts.Node): boolean {
  return (
    ts.forEachChild(node, (child) => {
      if (ts.isThrowStatement(child)) return true;
      if (ts.isFunctionLike(child) || ts.isClassLike(child)) return undefined;
      return hasOwnThrow(child) ? true : undefined;
    }) === true
  );
}
