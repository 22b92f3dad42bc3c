// Sliding expiry (issue 19, feature 3): updateAgeOnGet and updateAgeOnHas restart an entry's own
// TTL when it is found live; setTtl gives a live entry a new TTL from now. Boundaries are exact on
// a fake clock.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { TtlCacheOptions } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

function setup(options: TtlCacheOptions<string, number> = {}) {
  const clock = createFakeClock(0);
  const cache = new TtlCache<string, number>({
    ttl: 100,
    now: clock.now,
    sweepInterval: 0,
    ...options,
  });
  return { cache, clock };
}

describe("updateAgeOnGet", () => {
  it("restarts the TTL on each hit: live 1 ms before the new expiry, gone exactly at it", () => {
    const { cache, clock } = setup({ updateAgeOnGet: true });
    cache.set("k", 1);
    clock.advance(90);
    expect(cache.get("k")).toBe(1);
    clock.advance(99);
    expect(cache.getRemainingTtl("k")).toBe(1);
    expect(cache.get("k")).toBe(1); // restarts again, from t = 189
    clock.advance(100);
    expect(cache.get("k")).toBeUndefined();
  });

  it("restarts the entry's own TTL, not the cache's default", () => {
    const { cache, clock } = setup({ updateAgeOnGet: true });
    cache.set("k", 1, { ttl: 10 });
    clock.advance(9);
    cache.get("k");
    expect(cache.info("k")).toMatchObject({ ttl: 10, remaining: 10 });
  });

  it("applies to fetch hits, not to has, and not without the option", async () => {
    const { cache, clock } = setup({ updateAgeOnGet: true });
    cache.set("k", 1);
    clock.advance(50);
    await cache.fetch("k", () => 2);
    expect(cache.getRemainingTtl("k")).toBe(100);
    clock.advance(50);
    cache.has("k");
    expect(cache.getRemainingTtl("k")).toBe(50);
    const plain = setup();
    plain.cache.set("k", 1);
    plain.clock.advance(50);
    plain.cache.get("k");
    expect(plain.cache.getRemainingTtl("k")).toBe(50);
  });

  it("leaves entries that never expire alone, and cannot revive an expired one", () => {
    const { cache, clock } = setup({ updateAgeOnGet: true });
    cache.set("forever", 1, { ttl: Infinity }).set("short", 2, { ttl: 5 });
    cache.get("forever");
    expect(cache.getRemainingTtl("forever")).toBe(Infinity);
    clock.advance(5);
    expect(cache.get("short")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, expirations: 1 });
  });
});

describe("updateAgeOnHas", () => {
  it("restarts the TTL when has() finds the entry, counting no hit and keeping recency", () => {
    const { cache, clock } = setup({ updateAgeOnHas: true, maxEntries: 2 });
    cache.set("a", 1).set("b", 2);
    clock.advance(60);
    expect(cache.has("a")).toBe(true);
    expect(cache.getRemainingTtl("a")).toBe(100);
    expect(cache.getRemainingTtl("b")).toBe(40);
    cache.set("c", 3); // "a" is still the least recently used: has() did not touch recency
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0 });
  });

  it("does not apply to get without updateAgeOnGet", () => {
    const { cache, clock } = setup({ updateAgeOnHas: true });
    cache.set("k", 1);
    clock.advance(60);
    cache.get("k");
    expect(cache.getRemainingTtl("k")).toBe(40);
  });
});

describe("setTtl", () => {
  it("gives a live entry a new TTL from now, exact at the new expiry", () => {
    const { cache, clock } = setup();
    cache.set("k", 1);
    clock.advance(80);
    expect(cache.setTtl("k", 50)).toBe(true);
    clock.advance(49);
    expect(cache.get("k")).toBe(1);
    clock.advance(1);
    expect(cache.get("k")).toBeUndefined();
  });

  it("makes the new TTL the entry's own: info reports it and sliding expiry restarts it", () => {
    const { cache, clock } = setup({ updateAgeOnGet: true });
    cache.set("k", 1);
    cache.setTtl("k", 30);
    expect(cache.info("k")).toMatchObject({ ttl: 30, remaining: 30 });
    clock.advance(20);
    cache.get("k");
    expect(cache.getRemainingTtl("k")).toBe(30);
  });

  it("accepts Infinity (never expires) and 0 (expires at once, like set with TTL 0)", () => {
    const { cache } = setup();
    cache.set("a", 1).set("b", 2);
    cache.setTtl("a", Infinity);
    expect(cache.getRemainingTtl("a")).toBe(Infinity);
    cache.setTtl("b", 0);
    expect(cache.has("b")).toBe(false);
  });

  it("returns false for a missing, expired or stale key and does not revive it", () => {
    const { cache, clock } = setup({ staleWhileRevalidate: 1_000 });
    cache.set("stale", 1, { ttl: 10 });
    clock.advance(10);
    expect(cache.setTtl("stale", 100)).toBe(false);
    expect(cache.info("stale")).toMatchObject({ stale: true });
    expect(cache.setTtl("nobody", 100)).toBe(false);
    expect(cache.has("nobody")).toBe(false);
  });

  it("changes neither recency nor the counters", () => {
    const { cache } = setup({ maxEntries: 2 });
    cache.set("a", 1).set("b", 2);
    cache.setTtl("a", 1_000);
    cache.set("c", 3);
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0, sets: 3 });
  });

  it("rejects a bad TTL with an error naming it, and changes nothing", () => {
    const { cache } = setup();
    cache.set("k", 1);
    expect(() => cache.setTtl("k", -1)).toThrow(RangeError);
    expect(() => cache.setTtl("k", Number.NaN)).toThrow(/`ttl`.*received NaN/);
    expect(() => cache.setTtl("k", "1" as unknown as number)).toThrow(TypeError);
    expect(cache.getRemainingTtl("k")).toBe(100);
  });

  it("is typed to take the cache's key and a number", () => {
    const cache = new TtlCache<number, string>();
    expectTypeOf<Parameters<typeof cache.setTtl>>().toEqualTypeOf<[key: number, ttl: number]>();
    expectTypeOf(cache.setTtl(1, 5)).toEqualTypeOf<boolean>();
  });
});

describe("sliding expiry options", () => {
  it.each([
    [
      { updateAgeOnGet: "yes" },
      /`updateAgeOnGet` must be true or false; received the string "yes"/,
    ],
    [{ updateAgeOnHas: 1 }, /`updateAgeOnHas` must be true or false; received number 1/],
  ])("rejects %j with a TypeError naming the option", (options, message) => {
    const make = () => new TtlCache(options as unknown as TtlCacheOptions<unknown, unknown>);
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
  });
});
