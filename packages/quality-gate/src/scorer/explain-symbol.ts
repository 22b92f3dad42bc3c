/**
 * `quality-gate explain`: every check of one symbol, passed and failed, with the fix for each
 * failure, like `mix doctor.explain`. Pure: it reads facts and returns lines.
 */
import { fixFor } from "./fix-for.js";
import { qualifiedName } from "./qualified-name.js";
import { docChecks, scoreSymbol, typeChecks } from "./rubric.js";
import type { SymbolFacts } from "./symbol-facts.js";

/** One line of an explanation: a check, whether it passed, and how to fix it if not. */
export interface ExplainedCheck {
  /** `doc` or `types`. */
  readonly category: "doc" | "types";
  /** The check's code, as in `missing`. */
  readonly code: string;
  /** Whether the check passed. */
  readonly passed: boolean;
  /** How to fix it; absent when it passed. */
  readonly fix?: string;
}

/** The explanation of one symbol. */
export interface SymbolExplanation {
  /** The symbol's public name, qualified by its subpath when not the main entry (`./sub:foo`). */
  readonly name: string;
  /** Its kind. */
  readonly kind: SymbolFacts["kind"];
  /** Where it is: `file:line`. */
  readonly location: string;
  /** Its documentation and type scores. */
  readonly scores: { readonly doc: number; readonly types: number };
  /** Every applicable check, documentation first, in rubric order. */
  readonly checks: readonly ExplainedCheck[];
}

/**
 * Explains every check of one symbol.
 *
 * @param facts - the symbol's facts
 * @returns its scores and every check, passed or failed, with fixes
 * @example
 * ```ts
 * explainSymbol(facts).checks.filter((check) => !check.passed).map((check) => check.fix);
 * ```
 */
export function explainSymbol(facts: SymbolFacts): SymbolExplanation {
  const explain = (category: "doc" | "types") => (check: { code: string; passed: boolean }) =>
    check.passed
      ? { category, code: check.code, passed: true }
      : { category, code: check.code, passed: false, fix: fixFor(check.code, name) };
  const name = qualifiedName(facts.name, facts.entry);
  const score = scoreSymbol(facts);
  return {
    name,
    kind: facts.kind,
    location: `${facts.file}:${String(facts.line)}`,
    scores: { doc: score.doc.score, types: score.types.score },
    checks: [...docChecks(facts).map(explain("doc")), ...typeChecks(facts).map(explain("types"))],
  };
}
