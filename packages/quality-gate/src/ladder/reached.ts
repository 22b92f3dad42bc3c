/** The ladder's arithmetic: which rung a run reached and whether it met its target. */
import type { RungStatus } from "./finding.js";

/**
 * The highest rung such that it and every rung below it passed; in a run of some rungs only
 * (`--only`), the highest requested rung such that it and every requested rung below it passed.
 *
 * @param statuses - each rung's status, indexed by rung id (rungs not requested are `not-run`)
 * @param only - the rungs requested with `--only`, or `undefined` for a climb
 * @returns the reached rung, or -1 when the first rung (requested) did not pass
 * @example
 * ```ts
 * reachedRung(["passed", "passed", "failed"]); // 1
 * reachedRung(["passed", "not-run", "passed"], [0, 2]); // 2
 * ```
 */
export function reachedRung(statuses: readonly RungStatus[], only?: readonly number[]): number {
  let reached = -1;
  for (const [id, status] of statuses.entries()) {
    if (only !== undefined && !only.includes(id)) continue;
    if (status !== "passed") break;
    reached = id;
  }
  return reached;
}

/**
 * Whether a run met its target: with `--only`, every requested rung passed; otherwise the target
 * rung was reached.
 *
 * @param statuses - each rung's status, indexed by rung id
 * @param target - the target rung
 * @param only - the rungs requested with `--only`, or `undefined`
 * @returns `true` when the target is met
 * @example
 * ```ts
 * targetMet(["passed", "passed"], 1, undefined); // true
 * ```
 */
export function targetMet(
  statuses: readonly RungStatus[],
  target: number,
  only: readonly number[] | undefined,
): boolean {
  if (only !== undefined) return only.every((id) => statuses[id] === "passed");
  return reachedRung(statuses) >= target;
}
