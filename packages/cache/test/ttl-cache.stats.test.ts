// Statistics, after the seed's GenServer cache pattern (seed 001).
import { describe, expect, it } from "vitest";
import { TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

describe("stats", () => {
  it("starts at zero with a hit rate of 0, not NaN", () => {
    expect(new TtlCache().stats()).toEqual({
      hits: 0,
      misses: 0,
      sets: 0,
      deletes: 0,
      evictions: 0,
      rejections: 0,
      expirations: 0,
      size: 0,
      hitRate: 0,
    });
  });

  it("counts two stores and two hits as the seed's example does", () => {
    const cache = new TtlCache<string, unknown>();
    cache.set("user:123", { name: "John", role: "admin" });
    cache.set("session:abc", "active", { ttl: 300_000 });
    cache.get("user:123");
    cache.get("session:abc");
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 0, sets: 2, size: 2, hitRate: 1 });
  });

  it("replays the seed's IEx session: the expired key disappears and reads as a miss", () => {
    const clock = createFakeClock();
    const cache = new TtlCache<string, string>({ sweepInterval: 5000, now: clock.now });
    cache.set("temp", "data", { ttl: 2000 });
    cache.set("permanent", "data");
    expect([...cache.keys()].sort()).toEqual(["permanent", "temp"]);
    clock.advance(3000);
    expect([...cache.keys()]).toEqual(["permanent"]);
    expect(cache.get("temp")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1, expirations: 1, size: 1 });
  });

  it("computes the hit rate from hits and misses", () => {
    const cache = new TtlCache<string, number>();
    cache.set("a", 1);
    cache.get("a");
    cache.get("a");
    cache.get("a");
    cache.get("b");
    expect(cache.stats().hitRate).toBe(0.75);
  });

  it("counts deletes of live entries only", () => {
    const cache = new TtlCache<string, number>();
    cache.set("a", 1);
    cache.delete("a");
    cache.delete("a");
    cache.delete("never");
    expect(cache.stats().deletes).toBe(1);
  });

  it("counts each expired entry once, however it was found", () => {
    const clock = createFakeClock();
    const cache = new TtlCache<string, number>({ ttl: 10, now: clock.now, sweepInterval: 0 });
    cache.set("read", 1).set("probed", 2).set("deleted", 3).set("pruned", 4);
    clock.advance(10);
    cache.get("read");
    cache.get("read");
    cache.has("probed");
    cache.delete("deleted");
    expect(cache.prune()).toBe(1);
    expect(cache.prune()).toBe(0);
    expect(cache.stats()).toMatchObject({ expirations: 4, deletes: 0, misses: 2, size: 0 });
  });

  it("keeps its counters across clear()", () => {
    const cache = new TtlCache<string, number>();
    cache.set("a", 1);
    cache.get("a");
    cache.clear();
    expect(cache.stats()).toMatchObject({ hits: 1, sets: 1, size: 0 });
  });

  it("returns a snapshot that later operations do not change", () => {
    const cache = new TtlCache<string, number>();
    const before = cache.stats();
    cache.set("a", 1);
    expect(before.sets).toBe(0);
  });
});

describe("size", () => {
  it("counts an expired entry until something removes it, as documented", () => {
    const clock = createFakeClock();
    const cache = new TtlCache<string, number>({ ttl: 10, now: clock.now, sweepInterval: 0 });
    cache.set("a", 1);
    clock.advance(10);
    expect(cache.size).toBe(1);
    expect(cache.prune()).toBe(1);
    expect(cache.size).toBe(0);
  });
});
