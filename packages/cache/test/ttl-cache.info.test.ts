// getRemainingTtl and info (issue 19, feature 2): how long an entry has left, what TTL it was
// given, and whether it is stale. Pure reads: no counters, no recency, nothing removed.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EntryInfo, TtlCacheOptions } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

function setup(options: TtlCacheOptions<string, string> = {}) {
  const clock = createFakeClock(0);
  const cache = new TtlCache<string, string>({
    ttl: 100,
    now: clock.now,
    sweepInterval: 0,
    ...options,
  });
  return { cache, clock };
}

describe("getRemainingTtl", () => {
  it("counts down to the expiry and is undefined exactly at it", () => {
    const { cache, clock } = setup();
    cache.set("k", "v");
    expect(cache.getRemainingTtl("k")).toBe(100);
    clock.advance(99);
    expect(cache.getRemainingTtl("k")).toBe(1);
    clock.advance(1);
    expect(cache.getRemainingTtl("k")).toBeUndefined();
  });

  it("is Infinity for an entry that never expires and undefined for a missing key", () => {
    const { cache } = setup();
    cache.set("forever", "v", { ttl: Infinity });
    expect(cache.getRemainingTtl("forever")).toBe(Infinity);
    expect(cache.getRemainingTtl("nobody")).toBeUndefined();
  });

  it("is undefined for an entry stored with ttl 0 (already expired) and for a stale one", () => {
    const { cache, clock } = setup({ staleWhileRevalidate: 1_000 });
    cache.set("zero", "v", { ttl: 0 }).set("stale", "v");
    clock.advance(100);
    expect(cache.getRemainingTtl("zero")).toBeUndefined();
    expect(cache.getRemainingTtl("stale")).toBeUndefined();
  });

  it("tells a stored undefined from a miss", () => {
    const cache = new TtlCache<string, undefined>({ ttl: 50, now: () => 0 });
    cache.set("k", undefined);
    expect(cache.getRemainingTtl("k")).toBe(50);
  });
});

describe("info", () => {
  it("describes a live entry: value as stored, its ttl, the time left", () => {
    const { cache, clock } = setup();
    const value = "the value";
    cache.set("k", value, { ttl: 60 });
    clock.advance(15);
    expect(cache.info("k")).toEqual({ value, ttl: 60, remaining: 45, stale: false });
    expect(cache.info("nobody")).toBeUndefined();
  });

  it("reports the ttl of the latest set, and Infinity for entries that never expire", () => {
    const { cache } = setup();
    cache.set("k", "a", { ttl: 10 }).set("k", "b");
    expect(cache.info("k")).toMatchObject({ value: "b", ttl: 100, remaining: 100 });
    cache.set("forever", "v", { ttl: Infinity });
    expect(cache.info("forever")).toMatchObject({ ttl: Infinity, remaining: Infinity });
  });

  it("is undefined exactly at expiry without a stale window", () => {
    const { cache, clock } = setup();
    cache.set("k", "v");
    clock.advance(100);
    expect(cache.info("k")).toBeUndefined();
    expect(cache.size).toBe(1); // a pure read removes nothing
  });

  it("reports a stale entry as stale, from exactly its expiry to exactly the end of its window", () => {
    const { cache, clock } = setup({ staleWhileRevalidate: 20, staleIfError: 50 });
    cache.set("k", "v");
    clock.advance(100);
    expect(cache.info("k")).toEqual({ value: "v", ttl: 100, remaining: 0, stale: true });
    clock.advance(49);
    expect(cache.info("k")).toMatchObject({ remaining: -49, stale: true });
    clock.advance(1);
    expect(cache.info("k")).toBeUndefined();
  });

  it("changes nothing: no hit or miss, no recency change, no removal", () => {
    const { cache, clock } = setup({ maxEntries: 2 });
    cache.set("a", "1").set("b", "2");
    cache.info("a");
    cache.getRemainingTtl("a");
    cache.set("c", "3"); // "a" is still the least recently used
    expect([...cache.keys()]).toEqual(["c", "b"]);
    clock.advance(100);
    cache.info("b");
    expect(cache.stats()).toMatchObject({
      hits: 0,
      misses: 0,
      evictions: 1,
      expirations: 0,
      size: 2,
    });
  });

  it("is typed by the cache's value type", () => {
    const cache = new TtlCache<string, { id: number }>();
    expectTypeOf(cache.info("k")).toEqualTypeOf<EntryInfo<{ id: number }> | undefined>();
    expectTypeOf(cache.getRemainingTtl("k")).toEqualTypeOf<number | undefined>();
    expectTypeOf<EntryInfo<string>["value"]>().toEqualTypeOf<string>();
  });
});
