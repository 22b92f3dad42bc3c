/**
 * Bounding a {@link TtlCache} by size: each entry's size comes from the caller's
 * `sizeCalculation(value, key)`, and the cache keeps their sum within `maxSize` (dropping entries
 * as the policy chooses, in `CacheCore.makeRoom`) and refuses entries larger than `maxEntrySize`.
 * It exists only when one of the two is set, so caches bounded by count alone never pay for it.
 *
 * @internal
 */
import { OWNER } from "./ttl-cache-options.js";

/**
 * The sizes of the stored entries, by slot, and their sum.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class SizeBudget<K, V> {
  /** The most the sizes of all entries may add up to. */
  readonly maxSize: number;
  /** The largest size one entry may have to be stored (never more than `maxSize`). */
  readonly maxEntrySize: number;
  /** The sum of the sizes of the stored entries. */
  total = 0;
  readonly #calculate: (value: V, key: K) => number;
  readonly #sizes: number[] = [];

  /**
   * Creates an empty budget.
   *
   * @param maxSize - the bound on the sum, validated
   * @param maxEntrySize - the bound on one entry, validated
   * @param calculate - the caller's `sizeCalculation`
   */
  constructor(maxSize: number, maxEntrySize: number, calculate: (value: V, key: K) => number) {
    this.maxSize = maxSize;
    this.maxEntrySize = Math.min(maxEntrySize, maxSize);
    this.#calculate = calculate;
  }

  /**
   * Calls `sizeCalculation` and checks what it returns. Call it before changing anything: it runs
   * user code, which may throw or call the cache back.
   *
   * @param value - the value about to be stored
   * @param key - its key
   * @returns the entry's size
   * @throws TypeError when `sizeCalculation` returns something other than a number
   * @throws RangeError when it returns a number that is not a whole number from 1 up
   */
  measure(value: V, key: K): number {
    const size: unknown = this.#calculate(value, key);
    if (typeof size !== "number") {
      throw new TypeError(
        `${OWNER}: option \`sizeCalculation\` must return a number; returned ${typeof size}.`,
      );
    }
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(
        `${OWNER}: option \`sizeCalculation\` must return a whole number from 1 up; returned ${String(size)}.`,
      );
    }
    return size;
  }

  /**
   * Tells whether an entry of this size may be stored at all.
   *
   * @param size - a size from {@link SizeBudget.measure}
   * @returns `false` when it exceeds `maxEntrySize` (or `maxSize`)
   */
  fits(size: number): boolean {
    return size <= this.maxEntrySize;
  }

  /**
   * Records the size of the entry now in a slot, replacing what the slot held before.
   *
   * @param slot - the entry's slot
   * @param size - its size
   */
  set(slot: number, size: number): void {
    this.total += size - (this.#sizes[slot] ?? 0);
    this.#sizes[slot] = size;
  }

  /**
   * Returns the size recorded for a slot.
   *
   * @param slot - an occupied slot
   * @returns its entry's size (0 for a slot without one)
   */
  sizeOf(slot: number): number {
    return this.#sizes[slot] ?? 0;
  }

  /**
   * Forgets the size of a slot whose entry was removed.
   *
   * @param slot - the freed slot
   */
  remove(slot: number): void {
    this.total -= this.#sizes[slot] ?? 0;
    this.#sizes[slot] = 0;
  }

  /** Forgets every size (`clear`). */
  clear(): void {
    this.total = 0;
    this.#sizes.length = 0;
  }
}
