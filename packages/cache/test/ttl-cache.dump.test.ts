// dump() and load() (issue 19, feature 7): a warm start that keeps each entry's remaining time,
// its TTL and the recency order. Times are relative, so caches on different clocks agree.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { DumpedEntry, EvictionReason, TtlCacheOptions } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

function setup(options: TtlCacheOptions<string, unknown> = {}, start = 0) {
  const clock = createFakeClock(start);
  const evicted: [string, EvictionReason][] = [];
  const cache = new TtlCache<string, unknown>({
    ttl: 100,
    now: clock.now,
    sweepInterval: 0,
    onEvict: (key, _value, reason) => evicted.push([key, reason]),
    ...options,
  });
  return { cache, clock, evicted };
}

describe("dump", () => {
  it("lists live entries least recently used first, with their ttl and the time left", () => {
    const { cache, clock } = setup();
    const value = { id: 1 };
    cache.set("a", value).set("b", 2, { ttl: 50 }).set("forever", 3, { ttl: Infinity });
    clock.advance(20);
    cache.get("a");
    expect(cache.dump()).toEqual([
      { key: "b", value: 2, ttl: 50, remaining: 30 },
      { key: "forever", value: 3, ttl: Infinity, remaining: Infinity },
      { key: "a", value, ttl: 100, remaining: 80 },
    ]);
    expect(cache.dump().at(-1)?.value).toBe(value);
  });

  it("leaves out expired and stale entries, from exactly their expiry, and changes nothing", () => {
    const { cache, clock } = setup({ staleWhileRevalidate: 1_000 });
    cache.set("short", 1, { ttl: 10 }).set("long", 2);
    clock.advance(10);
    expect(cache.dump().map((entry) => entry.key)).toEqual(["long"]);
    expect(cache.size).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0, expirations: 0 });
  });
});

describe("load", () => {
  it("restores remaining times, TTLs and recency on another clock", () => {
    const source = setup();
    source.cache.set("a", 1).set("b", 2, { ttl: 50 });
    source.clock.advance(20);
    source.cache.get("a");
    const target = setup({ updateAgeOnGet: true }, 1_000_000);
    target.cache.load(source.cache.dump());
    expect([...target.cache.keys()]).toEqual(["a", "b"]);
    expect(target.cache.getRemainingTtl("b")).toBe(30);
    target.clock.advance(29);
    expect(target.cache.peek("b")).toBe(2);
    target.clock.advance(1); // exactly at the remaining time
    expect(target.cache.peek("b")).toBeUndefined();
    target.cache.get("a"); // sliding expiry restarts the dumped TTL, not the remaining time
    expect(target.cache.info("a")).toMatchObject({ ttl: 100, remaining: 100 });
  });

  it("stores like set: replaces existing keys, respects the bound, counts sets", () => {
    const { cache, evicted } = setup({ maxEntries: 2 });
    cache.set("a", "old");
    cache.load([
      { key: "a", value: "new", ttl: 100, remaining: 100 },
      { key: "b", value: 2, ttl: 100, remaining: 100 },
      { key: "c", value: 3, ttl: 100, remaining: 100 },
    ]);
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(evicted).toEqual([
      ["a", "replaced"],
      ["a", "evicted"],
    ]);
    expect(cache.stats().sets).toBe(4);
  });

  it("stores remaining 0 as already expired, as a TTL of 0 does", () => {
    const { cache } = setup();
    cache.load([{ key: "k", value: 1, ttl: 100, remaining: 0 }]);
    expect(cache.has("k")).toBe(false);
  });

  it("survives structuredClone, Infinity included", () => {
    const source = setup();
    source.cache.set("forever", new Map([["x", 1]]), { ttl: Infinity });
    const target = setup();
    target.cache.load(structuredClone(source.cache.dump()));
    expect(target.cache.get("forever")).toEqual(new Map([["x", 1]]));
    expect(target.cache.getRemainingTtl("forever")).toBe(Infinity);
  });

  it("supersedes loads in flight for the keys it stores", async () => {
    const { cache } = setup();
    let resolve!: (value: unknown) => void;
    const pending = cache.fetch("k", () => new Promise((res) => (resolve = res)));
    cache.load([{ key: "k", value: "loaded from dump", ttl: 100, remaining: 100 }]);
    resolve("from loader");
    await pending;
    expect(cache.get("k")).toBe("loaded from dump");
  });
});

describe("load validation: everything is checked first, so on error nothing is stored", () => {
  const good: DumpedEntry<string, unknown> = { key: "ok", value: 1, ttl: 100, remaining: 100 };
  it.each<[unknown, ErrorConstructor, RegExp]>([
    [42, TypeError, /load\(\) takes an iterable of \{ key, value, ttl, remaining \}/],
    [
      [good, null],
      TypeError,
      /`entries\[1\]` must be an object \{ key, value, ttl, remaining \}/,
    ],
    [[good, { key: "k" }], TypeError, /`entries\[1\]` must be an object/],
    [[good, { ...good, remaining: -1 }], RangeError, /`entries\[1\].remaining`.*received -1/],
    [[good, { ...good, ttl: Number.NaN }], RangeError, /`entries\[1\].ttl`.*received NaN/],
    [
      JSON.parse(JSON.stringify([{ ...good, remaining: Infinity }])),
      TypeError,
      /`entries\[0\].remaining` must be a number of milliseconds; received null/,
    ],
  ])("rejects %j", (entries, errorType, message) => {
    const { cache } = setup();
    const load = () => {
      cache.load(entries as DumpedEntry<string, unknown>[]);
    };
    expect(load).toThrow(errorType);
    expect(load).toThrow(message);
    expect(cache.size).toBe(0);
    expect(cache.stats().sets).toBe(0);
  });

  it("measures every entry before storing any: a failing sizeCalculation stores nothing", () => {
    const { cache } = setup({
      maxSize: 100,
      sizeCalculation: (value) => {
        if (value === "bad") throw new Error("cannot measure");
        return 1;
      },
    });
    expect(() => {
      cache.load([good, { ...good, key: "b", value: "bad" }]);
    }).toThrow("cannot measure");
    expect(cache.size).toBe(0);
  });
});

describe("dump types", () => {
  it("are the cache's key and value types", () => {
    const cache = new TtlCache<number, Date>();
    expectTypeOf(cache.dump()).toEqualTypeOf<DumpedEntry<number, Date>[]>();
    expectTypeOf<Parameters<typeof cache.load>[0]>().toEqualTypeOf<
      Iterable<DumpedEntry<number, Date>>
    >();
    // @ts-expect-error: a dump of another value type does not load
    cache.load([{ key: 1, value: "not a date", ttl: 1, remaining: 1 }]);
  });
});
