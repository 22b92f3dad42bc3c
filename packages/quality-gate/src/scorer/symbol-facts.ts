/**
 * Plain facts about one public symbol, as the collector reads them from the program. The rubric
 * scores these facts and nothing else, so it can be tested with tables and never imports ts-morph.
 */

/** What kind of declaration a public symbol is; decides which rubric checks apply. */
export type SymbolKind =
  | "function"
  | "class"
  | "constructor"
  | "method"
  | "property"
  | "accessor"
  | "interface"
  | "type"
  | "enum"
  | "enum-member"
  | "variable";

/** What a symbol's TSDoc comment says, parsed with `@microsoft/tsdoc`. */
export interface DocFacts {
  /** Whether the declaration has a `/** … *\/` comment at all. */
  readonly present: boolean;
  /** The summary section as plain text, trimmed; empty when there is none. */
  readonly summary: string;
  /**
   * Every named `@param` block: its name and whether it has a description. A name is a parameter
   * (`x`, also from JSDoc's `[x]` / `[x=1]`) or a property path into one (`options.x`).
   */
  readonly params: readonly { readonly name: string; readonly described: boolean }[];
  /** Whether there is a `@returns` block with text (an empty one documents nothing). */
  readonly hasReturns: boolean;
  /** How many `@example` blocks there are. */
  readonly examples: number;
  /** Whether there is a `@throws` block with text. */
  readonly hasThrows: boolean;
  /** The TSDoc parser's complaints (unknown tags, missing hyphens, malformed links). */
  readonly syntaxErrors: readonly string[];
}

/** One parameter of a signature. */
export interface ParamFacts {
  /** The parameter's name (a destructured parameter is named by its position, `param0`). */
  readonly name: string;
  /**
   * Whether it has a type annotation, or a default value that fixes its type (a literal, `as T`:
   * what `isolatedDeclarations` accepts, see `inferable-initializer.ts`).
   */
  readonly typed: boolean;
  /** Whether its type is, or contains, `any` (explicit or inferred). */
  readonly hasAny: boolean;
}

/** One call signature: a function, method, constructor, overload or function-type alias. */
export interface SignatureFacts {
  /** The parameters in order. */
  readonly params: readonly ParamFacts[];
  /** Whether the return type is written out (always true for a function-type alias). */
  readonly declaresReturnType: boolean;
  /** Whether the return type is `void`, `Promise<void>`, `never` or `undefined`. */
  readonly returnsNothing: boolean;
  /** Whether the return type is, or contains, `any`. */
  readonly returnHasAny: boolean;
  /** Whether the body (its own, not nested functions') contains a `throw`. */
  readonly bodyThrows: boolean;
}

/** A value-holding symbol: an exported variable, a class property or an accessor pair. */
export interface ValueFacts {
  /**
   * Whether the type is written out, or the initializer fixes it as `isolatedDeclarations` would
   * (a literal, `as T`, `as const`, an object literal of such values; `satisfies` is transparent).
   */
  readonly typed: boolean;
  /** Whether the type is, or contains, `any`. */
  readonly hasAny: boolean;
}

/** Everything the rubric needs to know about one public symbol. */
export interface SymbolFacts {
  /** The public name: the export name, `default`, or `Owner.member`. */
  readonly name: string;
  /** The kind of declaration. */
  readonly kind: SymbolKind;
  /** The workspace package the symbol belongs to (its `package.json` name). */
  readonly package: string;
  /**
   * The `exports` subpath the symbol is reached through (`"./sub"`); absent for the main entry
   * `"."`. With `name`, it identifies the symbol (see `qualified-name.ts`).
   */
  readonly entry?: string | undefined;
  /** The declaring file, relative to the repository root, with `/` separators. */
  readonly file: string;
  /** The 1-based line of the declaration. */
  readonly line: number;
  /** The first and last lines of the declaration, its doc comment included. */
  readonly span?: readonly [number, number] | undefined;
  /** Which overload this is, when the symbol has several signatures; otherwise absent. */
  readonly overload?: number | undefined;
  /** The TSDoc comment. */
  readonly doc: DocFacts;
  /** The call signature, for callables (functions, methods, constructors, function types). */
  readonly signature?: SignatureFacts | undefined;
  /** The value's type facts, for variables, properties and accessors. */
  readonly value?: ValueFacts | undefined;
  /** Whether a non-callable type (interface, alias, class) mentions `any` in its own shape. */
  readonly shapeHasAny?: boolean | undefined;
}
