// Bounding by size (issue 19, feature 5): maxSize caps the sum of sizeCalculation(value, key) over
// the stored entries, least recently used entries making room; maxEntrySize refuses single
// entries that are too large. Both work alongside maxEntries.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EvictionReason, TtlCacheOptions } from "../src/index.js";

/** A cache of strings sized by their length, recording what leaves. */
function setup(options: TtlCacheOptions<string, string> = {}) {
  const evicted: [string, string, EvictionReason][] = [];
  const cache = new TtlCache<string, string>({
    maxSize: 10,
    sizeCalculation: (value) => value.length,
    onEvict: (key, value, reason) => evicted.push([key, value, reason]),
    ...options,
  });
  return { cache, evicted };
}

describe("maxSize", () => {
  it("drops least recently used entries until the new one fits, exactly at the bound", () => {
    const { cache, evicted } = setup();
    cache.set("a", "xxxx").set("b", "xxxx").set("c", "xx"); // 10: exactly full
    expect(cache.totalSize).toBe(10);
    expect(cache.size).toBe(3);
    cache.get("a");
    cache.set("d", "x"); // 11 > 10: "b" is the least recently used
    expect([...cache.keys()]).toEqual(["d", "a", "c"]);
    expect(cache.totalSize).toBe(7);
    expect(evicted).toEqual([["b", "xxxx", "evicted"]]);
    expect(cache.stats().evictions).toBe(1);
  });

  it("drops as many entries as it takes for one large entry", () => {
    const { cache } = setup();
    for (const key of ["a", "b", "c", "d", "e"]) cache.set(key, "xx");
    cache.set("big", "xxxxxxxxx");
    expect([...cache.keys()]).toEqual(["big"]);
    expect(cache.totalSize).toBe(9);
  });

  it("accounts for a replaced value's new size, and never drops the entry being replaced", () => {
    const { cache, evicted } = setup();
    cache.set("a", "xxx").set("b", "xxx").set("c", "xxx");
    cache.set("c", "xxxxxxxxxx"); // 10 alone: "a" and "b" make room
    expect([...cache.keys()]).toEqual(["c"]);
    expect(cache.totalSize).toBe(10);
    cache.set("c", "x");
    expect(cache.totalSize).toBe(1);
    expect(evicted.map(([key, , reason]) => [key, reason])).toEqual([
      ["c", "replaced"], // the replacement, then the entries dropped to make room for it
      ["a", "evicted"],
      ["b", "evicted"],
      ["c", "replaced"],
    ]);
  });

  it("holds together with maxEntries: whichever bound is reached first makes room", () => {
    const { cache } = setup({ maxEntries: 2 });
    cache.set("a", "x").set("b", "x").set("c", "x");
    expect([...cache.keys()]).toEqual(["c", "b"]);
    cache.set("d", "xxxxxxxxx"); // 9 + "c" = 10: fits within maxSize, so only the count bound acts
    expect([...cache.keys()]).toEqual(["d", "c"]);
    cache.set("e", "xxxxxxxxxx");
    expect([...cache.keys()]).toEqual(["e"]);
  });

  it("frees the size of entries removed by delete, expiry and clear", () => {
    let time = 0;
    const { cache } = setup({ now: () => time, sweepInterval: 0 });
    cache.set("a", "xxx").set("b", "xxx", { ttl: 10 }).set("c", "xxx");
    cache.delete("a");
    expect(cache.totalSize).toBe(6);
    time = 10;
    expect(cache.prune()).toBe(1);
    expect(cache.totalSize).toBe(3);
    cache.clear();
    expect(cache.totalSize).toBe(0);
    cache.set("d", "xxxxxxxxxx");
    expect(cache.totalSize).toBe(10);
  });

  it("is 0 in a cache without a size bound", () => {
    const cache = new TtlCache<string, string>();
    cache.set("a", "xxx");
    expect(cache.totalSize).toBe(0);
  });
});

describe("maxEntrySize", () => {
  it("does not store a larger value, and the key's previous entry leaves", () => {
    const { cache, evicted } = setup({ maxEntrySize: 4 });
    cache.set("k", "xxxx"); // exactly the limit: stored
    expect(cache.get("k")).toBe("xxxx");
    cache.set("k", "xxxxx");
    expect(cache.has("k")).toBe(false);
    expect(cache.totalSize).toBe(0);
    expect(evicted).toEqual([["k", "xxxx", "replaced"]]);
    expect(cache.stats().sets).toBe(1);
  });

  it("defaults to maxSize, and works without maxSize too", () => {
    const { cache } = setup();
    cache.set("k", "xxxxxxxxxxx"); // 11 > maxSize 10
    expect(cache.has("k")).toBe(false);
    const unbounded = new TtlCache<string, string>({
      maxEntrySize: 3,
      sizeCalculation: (value) => value.length,
    });
    unbounded.set("a", "xxx").set("b", "xxx").set("c", "xxxx");
    expect([...unbounded.keys()]).toEqual(["b", "a"]);
    expect(unbounded.totalSize).toBe(6);
  });

  it("hands a loaded value too large to keep to the fetch waiters, unstored", async () => {
    const { cache } = setup({ maxEntrySize: 4 });
    await expect(cache.fetch("k", () => "xxxxxxx")).resolves.toBe("xxxxxxx");
    expect(cache.has("k")).toBe(false);
  });
});

describe("sizeCalculation", () => {
  it("receives the value and the key, before anything is stored", () => {
    const seen: [string, string, boolean][] = [];
    const cache: TtlCache<string, string> = new TtlCache<string, string>({
      maxSize: 100,
      sizeCalculation: (value, key) => {
        seen.push([value, key, cache.has(key)]);
        return 1;
      },
    });
    cache.set("k", "v");
    expect(seen).toEqual([["v", "k", false]]);
  });

  it.each([
    [0, RangeError, /must return a whole number from 1 up; returned 0/],
    [1.5, RangeError, /returned 1.5/],
    [Number.NaN, RangeError, /returned NaN/],
    [Infinity, RangeError, /returned Infinity/],
    ["3", TypeError, /must return a number; returned string/],
  ])("rejects a returned %j, leaving the cache unchanged", (size, errorType, message) => {
    const cache = new TtlCache<string, unknown>({
      maxSize: 10,
      sizeCalculation: (value) => (value === "ok" ? 1 : (size as number)),
    });
    cache.set("k", "ok");
    expect(() => cache.set("k", "bad")).toThrow(errorType);
    expect(() => cache.set("other", "bad")).toThrow(message);
    expect(cache.get("k")).toBe("ok");
    expect(cache.has("other")).toBe(false);
    expect(cache.totalSize).toBe(1);
  });

  it("that throws leaves the cache unchanged, and fails a fetch load like a loader error", async () => {
    const failure = new Error("cannot measure");
    const cache = new TtlCache<string, string>({
      maxSize: 10,
      sizeCalculation: () => {
        throw failure;
      },
    });
    expect(() => cache.set("k", "v")).toThrow(failure);
    expect(cache.size).toBe(0);
    await expect(cache.fetch("k", () => "v")).rejects.toBe(failure);
    expect(cache.size).toBe(0);
  });

  it("is typed with the cache's key and value", () => {
    expectTypeOf<
      NonNullable<TtlCacheOptions<number, Uint8Array>["sizeCalculation"]>
    >().toEqualTypeOf<(value: Uint8Array, key: number) => number>();
    const cache = new TtlCache<number, Uint8Array>({
      maxSize: 1_024,
      sizeCalculation: (value, key): number => {
        expectTypeOf(value).toEqualTypeOf<Uint8Array>();
        expectTypeOf(key).toEqualTypeOf<number>();
        return value.byteLength;
      },
    });
    expectTypeOf(cache.totalSize).toEqualTypeOf<number>();
  });
});

describe("size options", () => {
  const construct = (options: unknown) => () =>
    new TtlCache(options as TtlCacheOptions<unknown, unknown>);
  it.each<[unknown, ErrorConstructor, RegExp]>([
    [
      { maxSize: 10 },
      TypeError,
      /`sizeCalculation` is required with `maxSize` or `maxEntrySize`/,
    ],
    [{ maxEntrySize: 10 }, TypeError, /`sizeCalculation` is required/],
    [{ sizeCalculation: () => 1 }, TypeError, /`sizeCalculation` does nothing without `maxSize`/],
    [{ maxSize: 10, sizeCalculation: 5 }, TypeError, /`sizeCalculation` must be a function/],
    [
      { maxSize: 0, sizeCalculation: () => 1 },
      RangeError,
      /`maxSize` must be a whole number from 1 up/,
    ],
    [{ maxEntrySize: 2.5, sizeCalculation: () => 1 }, RangeError, /`maxEntrySize`.*received 2.5/],
    [{ maxSize: "10", sizeCalculation: () => 1 }, TypeError, /`maxSize` must be a number/],
  ])("rejects %j", (options, errorType, message) => {
    expect(construct(options)).toThrow(errorType);
    expect(construct(options)).toThrow(message);
  });
});
