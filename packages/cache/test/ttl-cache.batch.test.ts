// getMany and setMany (issue 19, feature 8): batches that read as get and store as set, checked
// whole before anything changes, with removals reported once at the end.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EvictionReason } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

describe("getMany", () => {
  it("reads each key as get does, in order: values, hits, misses, recency", () => {
    const cache = new TtlCache<string, number>({ maxEntries: 3 });
    cache.set("a", 1).set("b", 2).set("c", 3);
    expect(cache.getMany(["c", "missing", "a"])).toEqual([3, undefined, 1]);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1 });
    cache.set("d", 4); // "b" was not read: it is the least recently used
    expect([...cache.keys()]).toEqual(["d", "a", "c"]);
  });

  it("takes any iterable, and an empty one", () => {
    const cache = new TtlCache<number, string>();
    cache.set(1, "one").set(2, "two");
    expect(cache.getMany(new Set([2, 1]))).toEqual(["two", "one"]);
    expect(cache.getMany(new Map([[1, 0]]).keys())).toEqual(["one"]);
    expect(cache.getMany([])).toEqual([]);
  });

  it("reads entries exactly at expiry as misses, reporting each removal once, after all reads", () => {
    const clock = createFakeClock(0);
    const heard: [string, number][] = [];
    const cache: TtlCache<string, number> = new TtlCache<string, number>({
      ttl: 10,
      now: clock.now,
      sweepInterval: 0,
      onEvict: (key) => heard.push([key, cache.stats().misses]),
    });
    cache.set("a", 1).set("b", 2);
    clock.advance(10);
    expect(cache.getMany(["a", "b", "a"])).toEqual([undefined, undefined, undefined]);
    expect(heard).toEqual([
      ["a", 3],
      ["b", 3],
    ]);
  });

  it("applies sliding expiry like get", () => {
    const clock = createFakeClock(0);
    const cache = new TtlCache<string, number>({ ttl: 10, now: clock.now, updateAgeOnGet: true });
    cache.set("a", 1);
    clock.advance(5);
    cache.getMany(["a"]);
    expect(cache.getRemainingTtl("a")).toBe(10);
  });

  it("rejects keys that are not iterable", () => {
    const cache = new TtlCache<string, number>();
    expect(() => cache.getMany("ab" as never)).toThrow(/getMany\(\) takes an iterable as `keys`/);
    expect(() => cache.getMany(null as never)).toThrow(TypeError);
  });
});

describe("setMany", () => {
  it("stores each pair as set would, in order, with the same ttl", () => {
    const clock = createFakeClock(0);
    const cache = new TtlCache<string, number>({ now: clock.now, sweepInterval: 0 });
    expect(
      cache.setMany(
        [
          ["a", 1],
          ["b", 2],
        ],
        { ttl: 50 },
      ),
    ).toBe(cache);
    expect([...cache.entries()]).toEqual([
      ["b", 2],
      ["a", 1],
    ]);
    clock.advance(49);
    expect(cache.getMany(["a", "b"])).toEqual([1, 2]);
    clock.advance(1);
    expect(cache.getMany(["a", "b"])).toEqual([undefined, undefined]);
    expect(cache.stats().sets).toBe(2);
  });

  it("takes a Map, replaces existing keys, and keeps the bound", () => {
    const evicted: [string, EvictionReason][] = [];
    const cache = new TtlCache<string, number>({
      maxEntries: 2,
      onEvict: (key, _value, reason) => evicted.push([key, reason]),
    });
    cache.set("a", 0);
    cache.setMany(
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 3],
      ]),
    );
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(evicted).toEqual([
      ["a", "replaced"],
      ["a", "evicted"],
    ]);
  });

  it("reads a generator once", () => {
    const cache = new TtlCache<string, number>();
    function* rows(): Generator<[string, number]> {
      yield ["a", 1];
      yield ["b", 2];
    }
    cache.setMany(rows());
    expect(cache.size).toBe(2);
  });

  it("checks everything first: a bad pair, bad options or a failing size store nothing", () => {
    const cache = new TtlCache<string, string>({
      maxSize: 100,
      sizeCalculation: (value) => {
        if (value === "bad") throw new Error("cannot measure");
        return 1;
      },
    });
    const setBad = (entries: unknown, options?: unknown) => () =>
      cache.setMany(entries as [string, string][], options as { ttl: number });
    expect(setBad([["a", "ok"], "b"])).toThrow(/`entries\[1\]` must be a \[key, value\] array/);
    expect(setBad(42)).toThrow(/setMany\(\) takes an iterable as `entries`/);
    expect(setBad([["a", "ok"]], { ttl: -1 })).toThrow(RangeError);
    expect(setBad([["a", "ok"]], { tll: 1 })).toThrow(/unknown option `tll`/);
    expect(
      setBad([
        ["a", "ok"],
        ["b", "bad"],
      ]),
    ).toThrow("cannot measure");
    expect(cache.size).toBe(0);
    expect(cache.stats().sets).toBe(0);
  });

  it("supersedes loads in flight for the keys it stores", async () => {
    const cache = new TtlCache<string, string>();
    let resolve!: (value: string) => void;
    const pending = cache.fetch("k", () => new Promise<string>((res) => (resolve = res)));
    cache.setMany([["k", "set"]]);
    resolve("loaded");
    await pending;
    expect(cache.get("k")).toBe("set");
  });
});

describe("batch types", () => {
  it("follow the cache's key and value types", () => {
    const cache = new TtlCache<number, string>();
    expectTypeOf(cache.getMany([1, 2])).toEqualTypeOf<(string | undefined)[]>();
    expectTypeOf(cache.setMany([[1, "a"]])).toEqualTypeOf<TtlCache<number, string>>();
    // @ts-expect-error: keys must be the cache's key type
    cache.getMany(["1"]);
    // @ts-expect-error: values must be the cache's value type
    cache.setMany([[1, 2]]);
  });
});
