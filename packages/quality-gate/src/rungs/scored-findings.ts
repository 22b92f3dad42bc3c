/**
 * Findings for rungs 4 and 7: one per failed rubric check of a public symbol, with the fix, at the
 * symbol's declaration.
 */
import type { Finding } from "../ladder/finding.js";
import { fixFor } from "../scorer/fix-for.js";
import { qualifiedName } from "../scorer/qualified-name.js";
import { scoreSymbol } from "../scorer/rubric.js";
import type { SymbolFacts } from "../scorer/symbol-facts.js";

/**
 * Lists a category's failed checks as findings.
 *
 * @param facts - every public symbol's facts
 * @param rung - 4 (typed) or 7 (documented)
 * @param onlyFiles - restricts findings to these files (absolute paths), or `undefined`
 * @param root - the repository root, to match `onlyFiles`
 * @returns one finding per failed check, with rule `typed/<check>` or `documented/<check>`
 * @example
 * ```ts
 * symbolFindings(facts, 7, undefined, "/repo")[0]?.ruleId; // "documented/param"
 * ```
 */
export function symbolFindings(
  facts: readonly SymbolFacts[],
  rung: 4 | 7,
  onlyFiles: ReadonlySet<string> | undefined,
  root: string,
): Finding[] {
  // The codes come from the symbol's memoized score, so rungs 4 and 7 and the report run each
  // symbol's rubric once between them. Plain loops: this runs over every public symbol twice
  // (12 000 on the bench corpus), and the array-per-symbol of flatMap showed in its profiles.
  const category = rung === 4 ? "types" : "doc";
  const prefix = rung === 4 ? "typed" : "documented";
  const findings: Finding[] = [];
  for (const symbol of facts) {
    if (onlyFiles?.has(`${root}/${symbol.file}`) === false) continue;
    for (const code of scoreSymbol(symbol)[category].missing) {
      findings.push(toFinding(symbol, code, rung, prefix));
    }
  }
  return findings;
}

/**
 * One finding. Its `symbol` is the qualified name (`./sub:foo` for a symbol of the subpath
 * `./sub`), so two symbols of one name reached through different subpaths have different
 * baseline keys, and the name can be given to `quality-gate explain` as it is.
 */
function toFinding(symbol: SymbolFacts, code: string, rung: 4 | 7, prefix: string): Finding {
  const colon = code.indexOf(":");
  const name = qualifiedName(symbol.name, symbol.entry);
  const finding = {
    ruleId: `${prefix}/${colon < 0 ? code : code.slice(0, colon)}`,
    rung,
    file: symbol.file,
    line: symbol.line,
    column: 1,
    symbol: name,
    message: fixFor(code, name),
    package: symbol.package,
    code,
  };
  return symbol.overload === undefined ? finding : { ...finding, overload: symbol.overload };
}
