// The count-min sketch behind the TinyLFU policy: estimates never fall below the true count (up
// to the 15 a 4-bit counter holds), keys apart stay apart, and the history ages by halving once
// ten increments per entry of capacity have been counted.
import { describe, expect, it } from "vitest";
import { FrequencySketch } from "../src/frequency-sketch.js";
import { hashKey } from "../src/key-hash.js";

function countTimes(sketch: FrequencySketch, hash: number, times: number): void {
  for (let i = 0; i < times; i++) sketch.increment(hash);
}

describe("FrequencySketch", () => {
  it("counts each key, never below its true count, and saturates at 15", () => {
    const sketch = new FrequencySketch(1_000);
    sketch.ensureCapacity(1_000);
    for (let key = 0; key < 200; key++) countTimes(sketch, hashKey(key), key % 20);
    for (let key = 0; key < 200; key++) {
      const estimate = sketch.frequency(hashKey(key));
      expect(estimate).toBeGreaterThanOrEqual(Math.min(15, key % 20));
      expect(estimate).toBeLessThanOrEqual(15);
    }
    expect(sketch.frequency(hashKey("never counted"))).toBe(0);
  });

  it("keeps most keys' estimates exact when the table is not overfull", () => {
    const sketch = new FrequencySketch(512);
    sketch.ensureCapacity(512);
    for (let key = 0; key < 256; key++) countTimes(sketch, hashKey(`k${key}`), 3);
    let exact = 0;
    for (let key = 0; key < 256; key++) if (sketch.frequency(hashKey(`k${key}`)) === 3) exact++;
    expect(exact).toBeGreaterThan(240);
  });

  it("halves every counter once the sample is full, so old popularity fades", () => {
    const sketch = new FrequencySketch(16);
    sketch.ensureCapacity(16);
    expect(sketch.capacity).toBe(16);
    expect(sketch.sampleSize).toBe(160);
    const hot = hashKey("hot");
    countTimes(sketch, hot, 15);
    expect(sketch.frequency(hot)).toBe(15);
    countTimes(sketch, hot, 10); // saturated: these change no counter, so they are not counted
    expect(sketch.additions).toBe(15);
    for (let key = 0; sketch.additions < sketch.sampleSize - 1; key++)
      sketch.increment(hashKey(key));
    expect(sketch.frequency(hot)).toBe(15);
    sketch.increment(hashKey(-1)); // the 160th: every counter is halved
    expect(sketch.frequency(hot)).toBe(7);
    expect(sketch.additions).toBeLessThan(80);
  });

  it("grows with the cache up to its limit, keeping every estimate", () => {
    const sketch = new FrequencySketch(100);
    expect(sketch.capacity).toBe(8);
    const key = hashKey("a");
    sketch.increment(key);
    sketch.ensureCapacity(8); // still fits: nothing changes
    expect(sketch.frequency(key)).toBe(1);
    sketch.ensureCapacity(9);
    expect(sketch.capacity).toBe(16); // at least doubled
    expect(sketch.frequency(key)).toBe(1);
    const counted = Array.from({ length: 60 }, (_, i) => hashKey(`k${String(i)}`));
    for (const [i, hash] of counted.entries()) countTimes(sketch, hash, 1 + (i % 5));
    const before = counted.map((hash) => sketch.frequency(hash));
    sketch.ensureCapacity(40);
    expect(sketch.capacity).toBe(40);
    expect(counted.map((hash) => sketch.frequency(hash))).toEqual(before);
    sketch.ensureCapacity(70);
    expect(sketch.capacity).toBe(80);
    sketch.ensureCapacity(1_000);
    expect(sketch.capacity).toBe(100);
    expect(sketch.sampleSize).toBe(1_000);
    sketch.ensureCapacity(2_000); // at the limit: stays
    expect(sketch.capacity).toBe(100);
  });
});
