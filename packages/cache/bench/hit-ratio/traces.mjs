// The synthetic traces of `pnpm bench:hit-ratio`: arrays of integer keys, each built from a seeded
// PRNG, so every run and every machine replays the same requests. Each trace is a function of the
// cache's capacity only where its shape says so (the loop is 10 % longer than the cache).
import { createRandom, scrambledZipf } from "../keys.mjs";

/** Keys of the Zipf traces (the capacities are fractions of it). */
export const SPACE = 100_000;

/**
 * A Zipf trace over {@link SPACE} keys, ranks scrambled over the key space.
 *
 * @param {number} s - the exponent
 * @param {number} length - requests
 * @param {number} seed - PRNG seed
 * @returns {Uint32Array} the keys
 */
export function zipfTrace(s, length, seed) {
  return scrambledZipf({ space: SPACE, length, s, seed });
}

/**
 * Zipf 0.99 traffic interrupted by scans: `phases` hot phases of Zipf requests, each followed by
 * `scan` keys read once and never again (a batch job, a crawler), numbered above the key space.
 *
 * @param {{ length: number, scan: number, phases: number, seed: number }} shape - the shape
 * @returns {Uint32Array} the keys
 */
export function scanTrace({ length, scan, phases, seed }) {
  const hotLength = Math.floor(length / phases) - scan;
  const hot = scrambledZipf({ space: SPACE, length: hotLength * phases, s: 0.99, seed });
  const keys = new Uint32Array((hotLength + scan) * phases);
  let next = SPACE;
  let at = 0;
  for (let phase = 0; phase < phases; phase++) {
    keys.set(hot.subarray(phase * hotLength, (phase + 1) * hotLength), at);
    at += hotLength;
    for (let i = 0; i < scan; i++) keys[at++] = next++;
  }
  return keys;
}

/**
 * A loop over `keys` keys, in the same order every time (a periodic job over a table a little
 * larger than the cache: LRU evicts each key just before it comes back).
 *
 * @param {number} keys - the loop's length
 * @param {number} length - requests
 * @returns {Uint32Array} the keys
 */
export function loopTrace(keys, length) {
  const trace = new Uint32Array(length);
  for (let i = 0; i < length; i++) trace[i] = i % keys;
  return trace;
}

/**
 * A hot set that keeps moving: Zipf 0.99 over {@link SPACE} ranks, and every `period` requests
 * the ranks move `shift` keys along, so that the hottest keys of one period are lukewarm in the
 * next and new keys become hot (a news site's front page, trending items).
 *
 * @param {{ length: number, period: number, shift: number, seed: number }} shape - the shape
 * @returns {Uint32Array} the keys
 */
export function shiftingTrace({ length, period, shift, seed }) {
  const ranks = scrambledZipf({ space: SPACE, length, s: 0.99, seed });
  const random = createRandom(seed ^ 0x5bd1e995);
  const offsets = new Uint32Array(Math.ceil(length / period));
  for (let p = 1; p < offsets.length; p++)
    offsets[p] = offsets[p - 1] + shift + Math.floor(random() * shift);
  const trace = new Uint32Array(length);
  for (let i = 0; i < length; i++) trace[i] = ranks[i] + offsets[Math.floor(i / period)];
  return trace;
}
