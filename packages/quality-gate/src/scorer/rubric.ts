/**
 * The rubric of `spec/ladder.md`, as a pure function of {@link SymbolFacts}: which checks apply to
 * a symbol, which pass, and the `missing` codes of those that fail. No I/O and no ts-morph here, so
 * every rule is pinned by table tests.
 */
import { isInformative } from "./informative.js";
import { paramRoot } from "./param-path.js";
import type { DocFacts, SignatureFacts, SymbolFacts } from "./symbol-facts.js";

/** One rubric check applied to one symbol. */
export interface CheckResult {
  /** The check's `missing` code when it fails (`summary`, `param:key`, `any:return`, …). */
  readonly code: string;
  /** Whether the check passed. */
  readonly passed: boolean;
}

/** A symbol's score in one category. */
export interface CategoryScore {
  /** Passed checks over applicable checks, in [0, 1]; 1 when no check applies. */
  readonly score: number;
  /** The codes of the checks that failed, in rubric order. */
  readonly missing: readonly string[];
  /** How many checks passed. */
  readonly passed: number;
  /** How many checks applied. */
  readonly applicable: number;
}

/** A symbol's documentation and type scores. */
export interface SymbolScore {
  /** The documentation category: summary, params, returns, example, throws, syntax. */
  readonly doc: CategoryScore;
  /** The types category: return type, parameter types, no `any`, property types. */
  readonly types: CategoryScore;
}

const NEEDS_EXAMPLE = new Set(["function", "class"]);
const NEEDS_RETURN_TYPE = new Set(["function", "method"]);

/**
 * Lists every documentation check that applies to a symbol, passed or failed.
 *
 * @param facts - what the collector found about the symbol
 * @returns the checks in rubric order
 * @example
 * ```ts
 * docChecks(facts).filter((check) => !check.passed).map((check) => check.code); // ["example"]
 * ```
 */
export function docChecks(facts: SymbolFacts): CheckResult[] {
  const { doc, signature } = facts;
  const checks: CheckResult[] = [{ code: "summary", passed: doc.summary !== "" }];
  if (doc.summary !== "") {
    checks.push({ code: "informative", passed: isInformative(doc.summary, facts.name) });
  }
  if (signature !== undefined) checks.push(...signatureDocChecks(facts, signature));
  if (NEEDS_EXAMPLE.has(facts.kind)) checks.push({ code: "example", passed: doc.examples > 0 });
  if (doc.present) checks.push({ code: "tsdoc-syntax", passed: doc.syntaxErrors.length === 0 });
  return checks;
}

/**
 * Lists every type check that applies to a symbol, passed or failed.
 *
 * @param facts - what the collector found about the symbol
 * @returns the checks in rubric order
 * @example
 * ```ts
 * typeChecks(facts).every((check) => check.passed); // true for a fully typed symbol
 * ```
 */
export function typeChecks(facts: SymbolFacts): CheckResult[] {
  const checks: CheckResult[] = [];
  const { signature, value } = facts;
  if (signature !== undefined) {
    if (NEEDS_RETURN_TYPE.has(facts.kind)) {
      checks.push({ code: "return-type", passed: signature.declaresReturnType });
    }
    for (const param of signature.params) {
      checks.push({ code: `param-type:${param.name}`, passed: param.typed });
    }
    for (const param of signature.params) {
      checks.push({ code: `any:param:${param.name}`, passed: !param.hasAny });
    }
    if (facts.kind !== "constructor") {
      checks.push({ code: "any:return", passed: !signature.returnHasAny });
    }
  }
  if (value !== undefined) {
    // `typed`: an annotation, or an initializer that fixes the type as isolatedDeclarations
    // decides it (`as T`, `as const`, literals; `satisfies` transparent): see the collector's
    // inferable-initializer.ts.
    checks.push({ code: `property-type:${memberName(facts.name)}`, passed: value.typed });
    checks.push({ code: "any:value", passed: !value.hasAny });
  }
  if (facts.shapeHasAny !== undefined)
    checks.push({ code: "any:shape", passed: !facts.shapeHasAny });
  return checks;
}

/**
 * Scores one symbol: passed checks over applicable checks, per category.
 *
 * @param facts - what the collector found about the symbol
 * @returns the documentation and type scores with their `missing` codes
 * @example
 * ```ts
 * const { doc, types } = scoreSymbol(facts);
 * doc.missing; // ["param:key", "example"]
 * ```
 */
export function scoreSymbol(facts: SymbolFacts): SymbolScore {
  let score = scored.get(facts);
  if (score === undefined) {
    score = { doc: summarize(docChecks(facts)), types: summarize(typeChecks(facts)) };
    scored.set(facts, score);
  }
  return score;
}

/**
 * Scores already computed: rungs 4 and 7, their findings and the report all ask for the same
 * symbols' scores, and facts never change once collected.
 */
const scored = new WeakMap<SymbolFacts, SymbolScore>();

/**
 * Aggregates a category over many symbols: the sum of passed checks over the sum of applicable
 * checks, as the spec defines a category score.
 *
 * @param scores - one category's score for each symbol
 * @returns the category score in [0, 1], or 1 when no check applied anywhere
 * @example
 * ```ts
 * aggregate(symbols.map((symbol) => symbol.doc)); // 0.97
 * ```
 */
export function aggregate(scores: readonly CategoryScore[]): number {
  let passed = 0;
  let applicable = 0;
  for (const score of scores) {
    passed += score.passed;
    applicable += score.applicable;
  }
  return applicable === 0 ? 1 : passed / applicable;
}

function signatureDocChecks(facts: SymbolFacts, signature: SignatureFacts): CheckResult[] {
  const { doc } = facts;
  const checks: CheckResult[] = signature.params.map((param) => ({
    code: `param:${param.name}`,
    passed: isDescribed(doc, param.name),
  }));
  // `@param options.x` documents a property of `options`: stale only when `options` is gone, and
  // never a stand-in for `@param options` itself.
  const declared = new Set(signature.params.map((param) => param.name));
  for (const documented of doc.params) {
    if (!declared.has(paramRoot(documented.name))) {
      checks.push({ code: `stale-param:${documented.name}`, passed: false });
    }
  }
  if (facts.kind !== "constructor" && !signature.returnsNothing) {
    checks.push({ code: "returns", passed: doc.hasReturns });
  }
  if (signature.bodyThrows) checks.push({ code: "throws", passed: doc.hasThrows });
  return checks;
}

function isDescribed(doc: DocFacts, name: string): boolean {
  return doc.params.some((param) => param.name === name && param.described);
}

function summarize(checks: readonly CheckResult[]): CategoryScore {
  const missing = checks.filter((check) => !check.passed).map((check) => check.code);
  const applicable = checks.length;
  const passed = applicable - missing.length;
  return { score: applicable === 0 ? 1 : passed / applicable, missing, passed, applicable };
}

function memberName(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}
