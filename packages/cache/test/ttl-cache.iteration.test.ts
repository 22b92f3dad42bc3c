// Map-like iteration (issue 19, feature 6): keys, values, entries, forEach and Symbol.iterator over
// a snapshot of the live entries, most recently used first or least recently used first.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { IterationOptions } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

/** a, b, c stored in that order, then a read: recency is a, c, b (most recent first). */
function setup() {
  const clock = createFakeClock(0);
  const cache = new TtlCache<string, number>({ now: clock.now, sweepInterval: 0 });
  cache.set("a", 1).set("b", 2).set("c", 3);
  cache.get("a");
  return { cache, clock };
}

describe("iteration order", () => {
  it("lists most recently used first by default", () => {
    const { cache } = setup();
    expect([...cache.keys()]).toEqual(["a", "c", "b"]);
    expect([...cache.values()]).toEqual([1, 3, 2]);
    expect([...cache.entries()]).toEqual([
      ["a", 1],
      ["c", 3],
      ["b", 2],
    ]);
    expect([...cache]).toEqual([...cache.entries()]);
  });

  it("lists least recently used first on request: the next to be evicted comes first", () => {
    const { cache } = setup();
    const oldestFirst: IterationOptions = { order: "least-recent-first" };
    expect([...cache.keys(oldestFirst)]).toEqual(["b", "c", "a"]);
    expect([...cache.values(oldestFirst)]).toEqual([2, 3, 1]);
    expect([...cache.entries(oldestFirst)]).toEqual([
      ["b", 2],
      ["c", 3],
      ["a", 1],
    ]);
    expect([...cache.keys({ order: "most-recent-first" })]).toEqual(["a", "c", "b"]);
  });

  it("keeps both orders exact past the store's first growth", () => {
    const cache = new TtlCache<number, number>();
    for (let i = 0; i < 100; i++) cache.set(i, i);
    const expected = Array.from({ length: 100 }, (_, i) => i);
    expect([...cache.keys({ order: "least-recent-first" })]).toEqual(expected);
    expect([...cache.keys()]).toEqual(expected.reverse());
  });
});

describe("what iteration lists", () => {
  it("skips expired entries, from exactly their expiry, and removes nothing", () => {
    const { cache, clock } = setup();
    cache.set("short", 4, { ttl: 10 });
    clock.advance(10);
    expect([...cache.keys()]).not.toContain("short");
    expect([...cache.values({ order: "least-recent-first" })]).toEqual([2, 3, 1]);
    expect(cache.size).toBe(4);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 0, expirations: 0 });
  });

  it("is a snapshot: the cache may change while it is walked", () => {
    const { cache } = setup();
    const seen: string[] = [];
    for (const [key] of cache) {
      seen.push(key);
      cache.delete("b");
      cache.set("d", 4);
    }
    expect(seen).toEqual(["a", "c", "b"]);
    expect([...cache.keys()]).toEqual(["d", "a", "c"]);
  });

  it("does not change recency or the counters", () => {
    const { cache } = setup();
    [...cache.entries()].forEach(() => undefined);
    expect([...cache.keys()]).toEqual(["a", "c", "b"]);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 0 });
  });
});

describe("forEach", () => {
  it("calls back with value, key and the cache, most recent first, with thisArg", () => {
    const { cache } = setup();
    const calls: [number, string, boolean, unknown][] = [];
    const context = { label: "ctx" };
    cache.forEach(function (this: unknown, value, key, self) {
      calls.push([value, key, self === cache, this]);
    }, context);
    expect(calls).toEqual([
      [1, "a", true, context],
      [3, "c", true, context],
      [2, "b", true, context],
    ]);
  });

  it("walks a snapshot, so the callback may change the cache", () => {
    const { cache } = setup();
    const seen: string[] = [];
    cache.forEach((_value, key) => {
      seen.push(key);
      cache.clear();
    });
    expect(seen).toEqual(["a", "c", "b"]);
    expect(cache.size).toBe(0);
  });

  it("rejects a callback that is not a function", () => {
    const { cache } = setup();
    expect(() => {
      cache.forEach("log" as never);
    }).toThrow(/`callback` must be a function/);
  });
});

describe("iteration options", () => {
  it.each([
    [
      { order: "newest" },
      /`order` must be "most-recent-first" or "least-recent-first"; received "newest"/,
    ],
    [{ order: 1 }, /`order` must be .*received number/],
    [{ sort: "asc" }, /unknown option `sort`; expected one of `order`/],
  ])("rejects %j with a TypeError", (options, message) => {
    const { cache } = setup();
    const lists = [
      (o: IterationOptions) => cache.keys(o),
      (o: IterationOptions) => cache.values(o),
      (o: IterationOptions) => cache.entries(o),
    ];
    for (const list of lists) {
      expect(() => list(options as IterationOptions)).toThrow(TypeError);
      expect(() => list(options as IterationOptions)).toThrow(message);
    }
  });
});

describe("iteration types", () => {
  it("yields the cache's key and value types, like a Map", () => {
    const cache = new TtlCache<number, { id: number }>();
    expectTypeOf(cache.keys()).toEqualTypeOf<IterableIterator<number>>();
    expectTypeOf(cache.values()).toEqualTypeOf<IterableIterator<{ id: number }>>();
    expectTypeOf(cache.entries()).toEqualTypeOf<IterableIterator<[number, { id: number }]>>();
    expectTypeOf(cache).toExtend<Iterable<[number, { id: number }]>>();
    expectTypeOf(new Map(cache)).toEqualTypeOf<Map<number, { id: number }>>();
    cache.forEach((value, key, self) => {
      expectTypeOf(value).toEqualTypeOf<{ id: number }>();
      expectTypeOf(key).toEqualTypeOf<number>();
      expectTypeOf(self).toEqualTypeOf<TtlCache<number, { id: number }>>();
    });
  });
});
