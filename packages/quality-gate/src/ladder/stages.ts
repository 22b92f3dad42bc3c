/**
 * The seed's escalation flowchart as stage names: each names the highest rung a stage of a
 * project's life must reach.
 */

/** Stage name to target rung, lowest first. */
export const STAGES = {
  spike: 0,
  precommit: 2,
  tested: 3,
  team: 4,
  deploy: 5,
  operations: 6,
  maintenance: 7,
} as const;

/** One of the seed flowchart's lifecycle stages, from `spike` to `maintenance`. */
export type StageName = keyof typeof STAGES;

/** The target when neither `--target` nor `--stage` is given: the top of the ladder. */
export const DEFAULT_TARGET: number = STAGES.maintenance;

/**
 * Tells whether a string names a stage.
 *
 * @param name - what the user typed after `--stage`
 * @returns `true` for one of the stage names
 * @example
 * ```ts
 * isStageName("team"); // true
 * ```
 */
export function isStageName(name: string): name is StageName {
  return Object.hasOwn(STAGES, name);
}
