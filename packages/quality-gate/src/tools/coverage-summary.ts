/**
 * Reads Istanbul's `coverage-summary.json` (what Vitest's and Jest's `json-summary` coverage
 * reporters write): total line and branch coverage in per cent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Line and branch coverage in per cent. */
export interface Coverage {
  /** Lines covered, in per cent. */
  readonly lines: number;
  /** Branches covered, in per cent. */
  readonly branches: number;
}

/**
 * Reads the coverage summary a run wrote.
 *
 * @param directory - the coverage reports folder
 * @returns the totals, or `undefined` when there is no summary, or it covers nothing (Istanbul
 *   writes `"Unknown"` when nothing was instrumented: no measurement, not NaN per cent)
 * @example
 * ```ts
 * readCoverage("/tmp/quality-gate-coverage-x"); // { lines: 94.1, branches: 90.2 }
 * ```
 */
export function readCoverage(directory: string): Coverage | undefined {
  try {
    const summary = JSON.parse(
      readFileSync(join(directory, "coverage-summary.json"), "utf8"),
    ) as {
      total: { lines: { pct: unknown }; branches: { pct: unknown } };
    };
    const { lines, branches } = summary.total;
    if (typeof lines.pct !== "number" || typeof branches.pct !== "number") return undefined;
    return { lines: lines.pct, branches: branches.pct };
  } catch {
    return undefined;
  }
}
