/** The ladder: the rungs in order. Everything that lists rungs derives from this one list. */
import { compiles } from "../rungs/compiles.js";
import { documented } from "../rungs/documented.js";
import { formatted } from "../rungs/formatted.js";
import { linted } from "../rungs/linted.js";
import { observable } from "../rungs/observable.js";
import { secure } from "../rungs/secure.js";
import { tested } from "../rungs/tested.js";
import { typed } from "../rungs/typed.js";
import type { Rung, RungTraits } from "./rung.js";

/** Every rung, lowest first; a rung's id is its index. */
export const RUNGS: readonly Rung[] = [
  compiles,
  formatted,
  linted,
  tested,
  typed,
  secure,
  observable,
  documented,
];

/**
 * Finds a rung by id.
 *
 * @param id - 0..7
 * @returns the rung, or `undefined` for an id off the ladder
 * @example
 * ```ts
 * rungById(4)?.name; // "typed"
 * ```
 */
export function rungById(id: number): Rung | undefined {
  return RUNGS.find((rung) => rung.id === id);
}

/**
 * The ids of the rungs with some trait, in ladder order.
 *
 * @param test - the test of a rung's traits
 * @returns the ids
 * @example
 * ```ts
 * rungIdsWhere((traits) => traits.readsSurface); // [4, 5, 6, 7]
 * ```
 */
export function rungIdsWhere(test: (traits: RungTraits) => boolean): number[] {
  return RUNGS.filter((rung) => test(rung.traits)).map((rung) => rung.id);
}
