// peek (issue 19, feature 6): the live value without using it. No counters, no recency, no sliding
// expiry, nothing removed.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

describe("peek", () => {
  it("returns the live value, and undefined for a missing key", () => {
    const cache = new TtlCache<string, { name: string }>();
    const alice = { name: "Alice" };
    cache.set("user123", alice);
    expect(cache.peek("user123")).toBe(alice);
    expect(cache.peek("nobody")).toBeUndefined();
  });

  it("changes neither recency nor the counters", () => {
    const cache = new TtlCache<string, number>({ maxEntries: 2 });
    cache.set("a", 1).set("b", 2);
    expect(cache.peek("a")).toBe(1);
    cache.set("c", 3); // "a" is still the least recently used
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0 });
  });

  it("is undefined exactly at expiry and removes nothing", () => {
    const clock = createFakeClock(0);
    const evicted: string[] = [];
    const cache = new TtlCache<string, number>({
      ttl: 10,
      now: clock.now,
      sweepInterval: 0,
      onEvict: (key) => evicted.push(key),
    });
    cache.set("k", 1);
    clock.advance(9);
    expect(cache.peek("k")).toBe(1);
    clock.advance(1);
    expect(cache.peek("k")).toBeUndefined();
    expect(cache.size).toBe(1);
    expect(evicted).toEqual([]);
    expect(cache.stats().expirations).toBe(0);
  });

  it("does not restart the TTL under updateAgeOnGet, and skips a stale entry", () => {
    const clock = createFakeClock(0);
    const cache = new TtlCache<string, number>({
      ttl: 10,
      now: clock.now,
      updateAgeOnGet: true,
      staleWhileRevalidate: 100,
    });
    cache.set("k", 1);
    clock.advance(5);
    cache.peek("k");
    expect(cache.getRemainingTtl("k")).toBe(5);
    clock.advance(5);
    expect(cache.peek("k")).toBeUndefined();
    expect(cache.info("k")).toMatchObject({ stale: true });
  });

  it("returns a stored undefined as undefined, typed by the value type", () => {
    const cache = new TtlCache<number, string | undefined>();
    cache.set(1, undefined);
    expect(cache.peek(1)).toBeUndefined();
    expect(cache.has(1)).toBe(true);
    expectTypeOf(cache.peek(1)).toEqualTypeOf<string | undefined>();
  });
});
