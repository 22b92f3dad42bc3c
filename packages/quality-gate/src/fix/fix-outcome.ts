/** What `quality-gate fix` did about one finding: fixed it, drafted it for a person, or left it. */
import type { Finding } from "../ladder/finding.js";

/**
 * One finding's outcome. `fixed`: the finding is gone (a type written, a stale tag removed);
 * `drafted`: the tag it needs is written with its text left for a person, so the finding stays
 * until they write it; `left`: nothing written, for the reason given.
 */
export interface FixOutcome {
  /** The finding. */
  readonly finding: Finding;
  /** What became of it. */
  readonly status: "fixed" | "drafted" | "left";
  /** What was written (`added return type Promise<Shape>`), or why nothing was. */
  readonly note: string;
}

/**
 * An outcome for a finding the fix left alone.
 *
 * @param finding - the finding
 * @param note - why nothing was written
 * @returns the outcome
 * @example
 * ```ts
 * left(finding, "a parameter's type is its author's choice");
 * ```
 */
export function left(finding: Finding, note: string): FixOutcome {
  return { finding, status: "left", note };
}
