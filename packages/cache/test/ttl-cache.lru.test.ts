// The maxEntries bound: the least recently used entry leaves first, and onEvict hears why.
import { describe, expect, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EvictionReason } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

function recordingCache(options: { maxEntries?: number; ttl?: number } = {}) {
  const clock = createFakeClock();
  const evicted: [string, number, EvictionReason][] = [];
  const cache = new TtlCache<string, number>({
    ...options,
    now: clock.now,
    sweepInterval: 0,
    onEvict: (key, value, reason) => evicted.push([key, value, reason]),
  });
  return { cache, clock, evicted };
}

describe("least-recently-used eviction", () => {
  it("drops the oldest entry beyond maxEntries", () => {
    const { cache, evicted } = recordingCache({ maxEntries: 2 });
    cache.set("a", 1).set("b", 2).set("c", 3);
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(evicted).toEqual([["a", 1, "evicted"]]);
    expect(cache.stats().evictions).toBe(1);
  });

  it("counts get() and fetch() hits as use, but not has()", async () => {
    const { cache } = recordingCache({ maxEntries: 3 });
    cache.set("a", 1).set("b", 2).set("c", 3);
    cache.get("a");
    await cache.fetch("b", () => 0);
    cache.has("c");
    cache.set("d", 4);
    expect([...cache.keys()]).toEqual(["d", "b", "a"]);
  });

  it("counts overwriting set() as use", () => {
    const { cache } = recordingCache({ maxEntries: 2 });
    cache.set("a", 1).set("b", 2).set("a", 10).set("c", 3);
    expect([...cache.entries()]).toEqual([
      ["c", 3],
      ["a", 10],
    ]);
  });

  it("counts an expired least-recently-used entry as an expiration, not an eviction", () => {
    const { cache, clock, evicted } = recordingCache({ maxEntries: 2 });
    cache.set("short", 1, { ttl: 5 }).set("long", 2, { ttl: 1000 });
    clock.advance(5);
    cache.set("new", 3);
    expect(evicted).toEqual([["short", 1, "expired"]]);
    expect(cache.stats()).toMatchObject({ evictions: 0, expirations: 1, size: 2 });
  });

  it("holds exactly maxEntries under churn and reuses freed slots", () => {
    const { cache } = recordingCache({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(100);
    expect(cache.get("k9999")).toBe(9999);
    expect(cache.get("k9899")).toBeUndefined();
    expect(cache.get("k9900")).toBe(9900);
    expect(cache.stats().evictions).toBe(9900);
  });

  it("grows an unbounded cache past its initial allocation without losing order", () => {
    const { cache } = recordingCache();
    for (let i = 0; i < 1000; i++) cache.set(`k${i}`, i);
    cache.get("k0");
    const keys = [...cache.keys()];
    expect(keys).toHaveLength(1000);
    expect(keys[0]).toBe("k0");
    expect(keys[1]).toBe("k999");
    expect(keys.at(-1)).toBe("k1");
  });
});

describe("onEvict reasons", () => {
  it("reports deleted, replaced and cleared", () => {
    const { cache, evicted } = recordingCache();
    cache.set("a", 1).set("b", 2).set("c", 3);
    cache.delete("a");
    cache.set("b", 20);
    cache.set("b", 20);
    cache.clear();
    expect(evicted).toEqual([
      ["a", 1, "deleted"],
      ["b", 2, "replaced"],
      ["b", 20, "cleared"],
      ["c", 3, "cleared"],
    ]);
  });

  it("reports expired for lazy removal by get, has, delete and prune", () => {
    const { cache, clock, evicted } = recordingCache({ ttl: 10 });
    cache.set("get", 1).set("has", 2).set("delete", 3).set("prune", 4);
    clock.advance(10);
    cache.get("get");
    cache.has("has");
    cache.delete("delete");
    cache.prune();
    expect(evicted).toEqual([
      ["get", 1, "expired"],
      ["has", 2, "expired"],
      ["delete", 3, "expired"],
      ["prune", 4, "expired"],
    ]);
  });

  it("runs after the cache is consistent, so the callback sees the entry gone", () => {
    const seen: boolean[] = [];
    const cache: TtlCache<string, number> = new TtlCache<string, number>({
      onEvict: (key) => seen.push(cache.has(key)),
    });
    cache.set("a", 1);
    cache.delete("a");
    expect(seen).toEqual([false]);
  });
});
