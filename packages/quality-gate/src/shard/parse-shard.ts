/**
 * `--shard i/n`: which slice of the work one CI runner takes. Slices are deterministic (the same
 * inputs always split the same way) so `merge-reports` can join the shards' reports into the
 * report an unsharded run would have written.
 */
import { QualityGateError } from "../errors.js";

/** One shard of `count`, numbered from 1. */
export interface Shard {
  /** This shard's number, 1..count. */
  readonly index: number;
  /** How many shards the work is split into. */
  readonly count: number;
}

/** A `--shard` value that does not name a shard: the CLI prints the message and exits 2. */
export class ShardError extends QualityGateError<"INVALID_SHARD"> {
  /**
   * Creates the error.
   *
   * @param value - the rejected `--shard` value
   * @example
   * ```ts
   * throw new ShardError("3/2");
   * ```
   */
  constructor(value: string) {
    super(
      "INVALID_SHARD",
      `--shard ${value}: expected i/n with whole numbers 1 <= i <= n (for example --shard 1/3).`,
    );
    this.name = "ShardError";
  }
}

/**
 * Parses a `--shard` value.
 *
 * @param value - `i/n`, for example `2/4`
 * @returns the shard
 * @throws ShardError when the value is not `i/n` with 1 <= i <= n
 * @example
 * ```ts
 * parseShard("2/4"); // { index: 2, count: 4 }
 * ```
 */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || index < 1 || count < 1 || index > count) throw new ShardError(value);
  return { index, count };
}

/**
 * Picks this shard's items: items are sorted, then dealt round-robin, so shards differ in size by
 * at most one and the split depends only on the set of items, not on the order they were found in.
 *
 * @param items - package names or file paths
 * @param shard - which shard to take
 * @returns this shard's items, sorted
 * @example
 * ```ts
 * selectShard(["c", "a", "b"], { index: 1, count: 2 }); // ["a", "c"]
 * ```
 */
export function selectShard(items: readonly string[], shard: Shard): string[] {
  return [...new Set(items)]
    .sort()
    .filter((_, position) => position % shard.count === shard.index - 1);
}
