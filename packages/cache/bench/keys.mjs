// Deterministic inputs for the cache benchmark: a seeded PRNG and scrambled-Zipf key streams.
// Everything here runs before any timed loop; timed loops only index into the arrays built here.

/**
 * mulberry32: a small, fast, seeded 32-bit PRNG. Same seed, same sequence, on every machine.
 *
 * @param {number} seed - any 32-bit integer
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher-Yates shuffle in place with the given random source.
 *
 * @template T
 * @param {T[]} items - the array to shuffle
 * @param {() => number} random - a [0, 1) source
 * @returns {T[]} the same array, shuffled
 */
export function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * The key universe: `count` distinct string keys, `"key:0"` … `"key:<count-1>"`.
 *
 * @param {number} count - how many keys
 * @param {string} [prefix] - key prefix
 * @returns {string[]} the keys
 */
export function makeKeys(count, prefix = "key:") {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

/**
 * Draws `length` key indexes from a Zipf distribution of exponent `s` over `space` ranks, then
 * scrambles ranks through a random permutation so that hot keys are spread over the key space
 * (hot keys are not the first-inserted ones, which would flatter LRU lists).
 *
 * @param {{ space: number, length: number, s: number, seed: number }} options - the shape
 * @returns {Uint32Array} key indexes in [0, space)
 */
export function scrambledZipf({ space, length, s, seed }) {
  const random = createRandom(seed);
  const cdf = new Float64Array(space);
  let total = 0;
  for (let rank = 0; rank < space; rank++) {
    total += 1 / Math.pow(rank + 1, s);
    cdf[rank] = total;
  }
  const permutation = shuffle(
    Array.from({ length: space }, (_, i) => i),
    random,
  );
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = permutation[lowerBound(cdf, random() * total)];
  return out;
}

/**
 * Index of the first element of a sorted array that is >= value (binary search).
 *
 * @param {Float64Array} sorted - ascending values
 * @param {number} value - the value to place
 * @returns {number} the index
 */
function lowerBound(sorted, value) {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A stream of operation kinds: 1 = write, 0 = read, with the given write share.
 *
 * @param {{ length: number, writeShare: number, seed: number }} options - the shape
 * @returns {Uint8Array} one kind per operation
 */
export function makeOps({ length, writeShare, seed }) {
  const random = createRandom(seed);
  const ops = new Uint8Array(length);
  for (let i = 0; i < length; i++) ops[i] = random() < writeShare ? 1 : 0;
  return ops;
}

/**
 * The values stored by the workloads: one small record per key, like a cached user row. They are
 * built before any timed loop and shared by every contender, so the heap and time they cost is
 * the cache's handling of them (a pointer, or node-cache's clone), not their allocation.
 *
 * @param {number} count - how many values
 * @returns {{ id: number, name: string, active: boolean }[]} the values
 */
export function makeValues(count) {
  return Array.from({ length: count }, (_, id) => ({
    id,
    name: `user ${id}`,
    active: id % 2 === 0,
  }));
}
