/**
 * How to fix each rubric check, in one place: findings, `explain` and the reports all say the
 * same thing for the same code.
 */
import { paramRoot } from "./param-path.js";

/** A rubric code split into its check and its subject: `param:key` → `param`, `key`. */
interface ParsedCode {
  readonly check: string;
  readonly subject: string;
}

function parse(code: string): ParsedCode {
  const colon = code.indexOf(":");
  return colon < 0
    ? { check: code, subject: "" }
    : { check: code.slice(0, colon), subject: code.slice(colon + 1) };
}

const FIXES: Readonly<Record<string, (subject: string, symbol: string) => string>> = {
  summary: (_, symbol) =>
    `Add a TSDoc comment to ${symbol} whose first sentence says what it does.`,
  informative: (_, symbol) =>
    `The summary of ${symbol} only restates its name; say what it does, returns or is for.`,
  param: (name) => `Document the parameter with \`@param ${name} - <what it is>\`.`,
  "stale-param": (name) =>
    `Remove \`@param ${name}\`: there is no parameter \`${paramRoot(name)}\`.`,
  returns: () => "Document the result with `@returns <what it is>`.",
  example: (_, symbol) => `Add an \`@example\` block showing a real use of ${symbol}.`,
  throws: () => "The body throws: document when with `@throws <Error type> when …`.",
  "tsdoc-syntax": () =>
    "Fix the TSDoc syntax: use `@param name - text` (with the hyphen) and only standard tags or those your tsdoc.json defines.",
  "tsdoc-config": () =>
    "Fix the tsdoc.json (and the files it extends) so @microsoft/tsdoc-config loads it without errors.",
  "return-type": (_, symbol) =>
    `Declare the return type of ${symbol} instead of leaving it inferred.`,
  "param-type": (name) => `Give the parameter \`${name}\` an explicit type.`,
  "property-type": (name) =>
    `Give \`${name}\` an explicit type annotation (or an initializer that fixes its type: a literal, \`as T\` or \`as const\`).`,
  any: (where) =>
    `Replace the \`any\` in ${anyPlace(where)} with a precise type, or \`unknown\` and a type guard.`,
};

function anyPlace(where: string): string {
  if (where === "return") return "the return type";
  if (where.startsWith("param:")) return `the type of parameter \`${where.slice(6)}\``;
  if (where === "value") return "the declared type";
  return "the type";
}

/**
 * Says how to fix a failed rubric check.
 *
 * @param code - a `missing` code (`summary`, `param:key`, `any:return`, …)
 * @param symbol - the symbol's public name, quoted in the advice
 * @returns one sentence of advice
 * @example
 * ```ts
 * fixFor("param:key", "TtlCache.get"); // "Document the parameter with `@param key - <what it is>`."
 * ```
 */
export function fixFor(code: string, symbol: string): string {
  const { check, subject } = parse(code);
  const fix = FIXES[check];
  return fix === undefined ? `Fix the ${code} check of ${symbol}.` : fix(subject, symbol);
}
