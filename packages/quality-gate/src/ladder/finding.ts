/**
 * What every rung reports: findings with a rule, a place and a fix, and a status. A failing rung
 * is a result, never an exception.
 */

/** One problem a rung found. */
export interface Finding {
  /** The rule: `typescript/TS2322`, `prettier/format`, `eslint/no-unused-vars`, `documented/param`. */
  readonly ruleId: string;
  /** The rung that found it, 0..7. */
  readonly rung: number;
  /** The file, relative to the repository root, with `/` separators. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The public symbol concerned, or `null`. */
  readonly symbol: string | null;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The symbol's package, for rungs 4–7. */
  readonly package?: string;
  /** The overload index, for a finding on one overload of several. */
  readonly overload?: number;
  /** The rubric `missing` code, for rungs 4 and 7 (`param:key`). */
  readonly code?: string;
}

/** How a rung ended. */
export type RungStatus = "passed" | "failed" | "skipped" | "not-run";

/** The tool a rung ran, as the report names it. */
export interface ToolUsed {
  /** Its name: `typescript`, `prettier`, `eslint`, `vitest`, `npm test`, … */
  readonly name: string;
  /** Its version, when known. */
  readonly version?: string;
  /** The repository's own copy, the gate's bundled default, or the repository's script. */
  readonly source: "repository" | "bundled" | "script";
  /** Why this tool and not another, when that needs saying (shown under `--debug`). */
  readonly note?: string;
}

/** What a rung returns. */
export interface RungOutcome {
  /** `passed` or `failed`; a rung that could not run (tool missing or broken) is `failed`. */
  readonly status: "passed" | "failed";
  /** Its findings (a failed rung has at least one). */
  readonly findings: readonly Finding[];
  /** Measurements for the score card (rung 3: `coverageLines`, `coverageBranches`). */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The tool it ran, for a rung that runs one. */
  readonly tool?: ToolUsed;
}
