/**
 * A seeded pseudo-random source for the `random` option: mulberry32, a small 32-bit generator
 * that passes the usual statistical batteries well enough for uniformity tests, and is
 * reproducible, so a test that fails once fails every time.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning numbers in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
