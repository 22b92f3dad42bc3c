/**
 * The frequency history of the TinyLFU admission policy: a count-min sketch of 4-bit counters
 * that estimates how often each key was used recently, in about 8 bytes per cached entry,
 * whether or not the key is still cached.
 *
 * The layout follows Caffeine's `FrequencySketch` (Einziger, Friedman, Manes, "TinyLFU: A Highly
 * Efficient Cache Admission Policy", 2017): counters are packed eight to a 32-bit word; a key's
 * four counters (one per row of the sketch) sit in one 64-byte block, so an update touches one
 * cache line; the estimate is the smallest of the four. Counters saturate at 15, and after ten
 * increments per entry of capacity every counter is halved, so that the history ages: a key that
 * was popular an hour ago does not keep a newer one out forever.
 *
 * @internal
 */

/** Words per block: 16 × 4 bytes, one 64-byte cache line; 4 rows of 4 words of 8 counters. */
const BLOCK_WORDS = 16;
/** Words per entry of capacity: 16 counters, as Caffeine sizes its table. */
const WORDS_PER_ENTRY = 2;
/** Increments per entry of capacity between two halvings (Caffeine's sample size). */
const SAMPLE_FACTOR = 10;
/** The lowest bit of every counter of a word. */
const ONE_MASK = 0x11111111;
/** Every counter of a word without its top bit, to halve them with one shift. */
const RESET_MASK = 0x77777777;
/** The smallest table: one block. */
const MIN_ENTRIES = BLOCK_WORDS / WORDS_PER_ENTRY;

/**
 * A count-min sketch of 4-bit counters keyed by 32-bit hashes.
 *
 * @internal
 */
export class FrequencySketch {
  #table: Uint32Array;
  #blockMask = 0;
  /** How many entries the table is sized for now. */
  #capacity = 0;
  readonly #limit: number;
  #sampleSize = 0;
  #additions = 0;

  /**
   * Creates an empty sketch sized for a few entries; {@link FrequencySketch.ensureCapacity} grows
   * it as the cache fills, up to `limit`.
   *
   * @param limit - the most entries the sketch is ever sized for (`Infinity` for no bound)
   */
  constructor(limit: number) {
    this.#limit = Math.max(limit, MIN_ENTRIES);
    this.#table = new Uint32Array(0);
    this.#resize(MIN_ENTRIES);
  }

  /** How many entries the sketch is sized for now. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Increments between two halvings: ten per entry of capacity. */
  get sampleSize(): number {
    return this.#sampleSize;
  }

  /** How many increments counted since the last halving (the halving scales it down too). */
  get additions(): number {
    return this.#additions;
  }

  /**
   * Grows the table for `entries` entries (at least doubling it, up to the limit), keeping the
   * history: unlike Caffeine's, which starts empty, so that a cache filling up does not forget
   * which keys were frequent while it was smaller.
   *
   * @param entries - how many entries the cache holds now
   */
  ensureCapacity(entries: number): void {
    if (entries <= this.#capacity || this.#capacity >= this.#limit) return;
    this.#resize(Math.min(this.#limit, Math.max(entries, 2 * this.#capacity)));
  }

  /**
   * Estimates how often a key was counted: the smallest of its four counters, 0 to 15.
   *
   * @param hash - the key's 32-bit hash
   * @returns the estimate, never below the true count since the last halving (up to 15)
   */
  frequency(hash: number): number {
    const table = this.#table;
    const spread = spreadHash(hash);
    const block = (spread & this.#blockMask) * BLOCK_WORDS;
    const counters = rehash(spread);
    let lowest = 15;
    for (let row = 0; row < 4; row++) {
      const index = (counters >>> (row * 8)) & 31;
      const word = block + row * 4 + (index >>> 3);
      const count = ((table[word] as number) >>> ((index & 7) * 4)) & 15;
      if (count < lowest) lowest = count;
    }
    return lowest;
  }

  /**
   * Counts one use of a key: increments its four counters (those below 15), and halves every
   * counter once the sample is full.
   *
   * @param hash - the key's 32-bit hash
   */
  increment(hash: number): void {
    const table = this.#table;
    const spread = spreadHash(hash);
    const block = (spread & this.#blockMask) * BLOCK_WORDS;
    const counters = rehash(spread);
    let added = false;
    for (let row = 0; row < 4; row++) {
      const index = (counters >>> (row * 8)) & 31;
      const word = block + row * 4 + (index >>> 3);
      const shift = (index & 7) * 4;
      const value = table[word] as number;
      if (((value >>> shift) & 15) < 15) {
        // Below 15, adding one cannot carry into the next counter; the sum stays below 2^32.
        table[word] = value + (1 << shift);
        added = true;
      }
    }
    if (added && ++this.#additions >= this.#sampleSize) this.#halve();
  }

  /**
   * Sizes the table for `entries` entries, keeping every estimate: a key's block is its spread
   * hash masked to the table, and its counters' places within the block do not depend on the
   * table's size, so a table twice as large that starts as two copies of the old one gives every
   * key the counters it had. Only the collisions of the smaller table carry over, and the
   * halvings wear them away.
   */
  #resize(entries: number): void {
    this.#capacity = entries;
    // A power of two of blocks, so that a mask picks one; 16 counters per entry, as Caffeine.
    const blocks = nextPowerOfTwo(Math.ceil((entries * WORDS_PER_ENTRY) / BLOCK_WORDS));
    const old = this.#table;
    this.#table = new Uint32Array(blocks * BLOCK_WORDS);
    if (old.length > 0) {
      for (let offset = 0; offset < this.#table.length; offset += old.length) {
        this.#table.set(old, offset);
      }
    }
    this.#blockMask = blocks - 1;
    this.#sampleSize = SAMPLE_FACTOR * entries;
  }

  /** Halves every counter; the additions shrink by the counts the halving rounded away. */
  #halve(): void {
    const table = this.#table;
    let odd = 0;
    for (let word = 0; word < table.length; word++) {
      const value = table[word] as number;
      odd += bitCount(value & ONE_MASK);
      table[word] = (value >>> 1) & RESET_MASK;
    }
    // Each key's increment touched four counters, so four odd counters are one lost increment.
    this.#additions = (this.#additions - (odd >>> 2)) >>> 1;
  }
}

/**
 * Mixes a 32-bit hash so that every input bit affects every output bit (a murmur3-style
 * finalizer, with Caffeine's constants): keys with hashes that differ in a few low bits, such as
 * consecutive numbers, land in unrelated blocks.
 *
 * @param hash - any 32-bit integer
 * @returns the mixed hash, a 32-bit integer
 */
function spreadHash(hash: number): number {
  let x = hash;
  x = Math.imul(x ^ (x >>> 17), 0xed5ad4bb);
  x = Math.imul(x ^ (x >>> 11), 0xac4c1b51);
  return x ^ (x >>> 15);
}

/** A second mix of the spread hash, whose four bytes pick the counter of each row. */
function rehash(spread: number): number {
  const x = Math.imul(spread, 0x31848bab);
  return x ^ (x >>> 14);
}

function bitCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function nextPowerOfTwo(value: number): number {
  return value <= 1 ? 1 : 2 ** Math.ceil(Math.log2(value));
}
