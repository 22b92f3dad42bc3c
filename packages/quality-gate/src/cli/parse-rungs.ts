/** Turns `--target`, `--stage` and `--only` into the rungs to run and the target. */
import { QualityGateError } from "../errors.js";
import { DEFAULT_TARGET, isStageName, STAGES } from "../ladder/stages.js";
import { messages } from "./messages.js";

/** The rungs a run climbs. */
export interface RungSelection {
  /** The target rung. */
  readonly target: number;
  /** The rung ids to run. */
  readonly rungs: readonly number[];
  /** The `--only` rungs, when given. */
  readonly only: readonly number[] | undefined;
}

/**
 * Reads the rung flags.
 *
 * @param flags - the raw `--target`, `--stage` and `--only` values
 * @returns the target and the rungs to run
 * @throws QualityGateError `USAGE` for an unknown stage, a rung off the ladder, or both
 *   `--target` and `--stage`
 * @example
 * ```ts
 * selectRungs({ stage: "team" }); // { target: 4, rungs: [0, 1, 2, 3, 4], only: undefined }
 * ```
 */
export function selectRungs(flags: {
  readonly target?: string | undefined;
  readonly stage?: string | undefined;
  readonly only?: string | undefined;
}): RungSelection {
  if (flags.target !== undefined && flags.stage !== undefined) usage(messages.targetAndStage());
  const target = flags.stage !== undefined ? stageTarget(flags.stage) : parseTarget(flags.target);
  if (flags.only === undefined) {
    return { target, rungs: Array.from({ length: target + 1 }, (_, id) => id), only: undefined };
  }
  const only = parseOnly(flags.only);
  return { target: Math.max(...only), rungs: only, only };
}

function stageTarget(stage: string): number {
  if (!isStageName(stage)) usage(messages.badStage(stage, Object.keys(STAGES)));
  return STAGES[stage];
}

function parseTarget(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TARGET;
  if (!/^[0-7]$/.test(value.trim())) usage(messages.badTarget(value));
  return Number(value);
}

function parseOnly(value: string): number[] {
  const parts = value.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^[0-7]$/.test(part))) usage(messages.badOnly(value));
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function usage(message: string): never {
  throw new QualityGateError("USAGE", message);
}
