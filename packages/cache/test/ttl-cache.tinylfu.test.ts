// policy: "tinylfu" (issue 20): new entries pass through a small window, and one pushed out of it
// stays only if it was used more often than the entry it would displace; the loser leaves with
// reason "rejected" (a candidate) or "evicted" (a victim). Frequent keys survive a scan that
// would flush an LRU cache; TTL, maxSize, fetch and the rest of the API work as with LRU.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_CHANNELS, TtlCache } from "../src/index.js";
import type { EvictionPolicy, EvictionReason, TtlCacheOptions } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup<K = string>(options: TtlCacheOptions<K, number> = {}) {
  const notices: [K, number, EvictionReason][] = [];
  const cache = new TtlCache<K, number>({
    policy: "tinylfu",
    maxEntries: 3,
    sweepInterval: 0,
    onEvict: (key, value, reason) => notices.push([key, value, reason]),
    ...options,
  });
  return { cache, notices };
}

/** Reads a key as a cache user does: a miss loads and stores it. */
function use<K>(cache: TtlCache<K, number>, key: K, value = 0): boolean {
  if (cache.get(key) !== undefined) return true;
  cache.set(key, value);
  return false;
}

describe("policy option", () => {
  it("defaults to lru, which evicts the least recently used entry", () => {
    const cache = new TtlCache<string, number>({ maxEntries: 2 });
    cache.set("a", 1).set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect([...cache.keys()]).toEqual(["c", "a"]);
    expect(cache.stats().rejections).toBe(0);
  });

  it.each([
    [{ policy: "lfu" }, /`policy` must be "lru" or "tinylfu"; received the string "lfu"/],
    [{ policy: null, maxEntries: 5 }, /`policy` must be "lru" or "tinylfu"; received null/],
    [{ policy: "tinylfu" }, /has no bound; set `maxEntries` or `maxSize`/],
  ])("rejects %j with a TypeError naming the option", (options, message) => {
    const construct = () => new TtlCache(options as TtlCacheOptions<unknown, unknown>);
    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(message);
  });

  it("accepts tinylfu with maxEntries or with maxSize alone", () => {
    const policy: EvictionPolicy = "tinylfu";
    expect(() => new TtlCache({ policy, maxEntries: 1 })).not.toThrow();
    expect(() => new TtlCache({ policy, maxSize: 10, sizeCalculation: () => 1 })).not.toThrow();
  });
});

describe("admission", () => {
  it("rejects a candidate used less often than the victim, and admits one used more", () => {
    const { cache, notices } = setup();
    cache.set("a", 1).set("b", 2).set("c", 3); // window: c; probation: b, a
    cache.get("a");
    cache.get("b"); // both promoted; the protected segment holds 1, so a falls back to probation
    cache.set("d", 4); // c (used once) leaves the window and loses to a (used twice)
    expect(notices).toEqual([["c", 3, "rejected"]]);
    expect(cache.has("c")).toBe(false);
    cache.get("d");
    cache.get("d");
    cache.get("d");
    cache.set("e", 5); // d (used four times) beats a: a is evicted
    expect(notices.slice(1)).toEqual([["a", 1, "evicted"]]);
    expect(new Set(cache.keys())).toEqual(new Set(["b", "d", "e"]));
    expect(cache.stats()).toMatchObject({ evictions: 1, rejections: 1, size: 3 });
  });

  it("publishes a rejection on ladder:cache:reject, an eviction on ladder:cache:evict", () => {
    const heard: [string, unknown][] = [];
    for (const name of [CACHE_CHANNELS.reject, CACHE_CHANNELS.evict]) {
      const listener = (message: unknown) => heard.push([name, message]);
      subscribe(name, listener);
      cleanups.push(() => unsubscribe(name, listener));
    }
    const { cache } = setup({ name: "lfu", maxEntries: 1 });
    cache.set("a", 1);
    cache.set("b", 2); // a cache of one: the window is the cache, and the oldest leaves
    expect(heard).toEqual([[CACHE_CHANNELS.evict, { cache: "lfu", key: "a" }]]);
    const { cache: larger } = setup({ name: "lfu", maxEntries: 3 });
    larger.set("a", 1).set("b", 2).set("c", 3);
    larger.get("a");
    larger.get("b");
    larger.set("d", 4);
    expect(heard.at(-1)).toEqual([CACHE_CHANNELS.reject, { cache: "lfu", key: "c" }]);
  });

  it("keeps frequent keys through a scan of one-time keys, where LRU keeps none", () => {
    const run = (policy: EvictionPolicy) => {
      const cache = new TtlCache<number, number>({ policy, maxEntries: 100 });
      for (let round = 0; round < 5; round++) for (let key = 0; key < 50; key++) use(cache, key);
      for (let key = 1_000; key < 1_500; key++) use(cache, key); // the scan
      let kept = 0;
      for (let key = 0; key < 50; key++) if (cache.has(key)) kept++;
      return { kept, stats: cache.stats() };
    };
    expect(run("lru").kept).toBe(0);
    const tinyLfu = run("tinylfu");
    expect(tinyLfu.kept).toBe(50);
    expect(tinyLfu.stats.rejections).toBeGreaterThan(400);
    expect(tinyLfu.stats.size).toBe(100);
  });

  it("hits most of a loop slightly larger than the cache, where LRU hits nothing", () => {
    const hitRate = (policy: EvictionPolicy) => {
      const cache = new TtlCache<number, number>({ policy, maxEntries: 100 });
      for (let i = 0; i < 20_000; i++) use(cache, i % 110);
      return cache.stats().hitRate;
    };
    expect(hitRate("lru")).toBe(0);
    expect(hitRate("tinylfu")).toBeGreaterThan(0.6);
  });
});

describe("tinylfu with the rest of the cache", () => {
  it("removes an expired candidate or victim as an expiration, not a rejection", () => {
    const clock = createFakeClock();
    const { cache, notices } = setup({ now: clock.now });
    cache.set("a", 1, { ttl: 10 }).set("b", 2).set("c", 3, { ttl: 5 });
    cache.get("a");
    cache.get("b"); // window: c; protected: b; probation: a
    clock.advance(5); // c expired in the window
    cache.set("d", 4); // c leaves the window as the candidate: expired
    expect(notices).toEqual([["c", 3, "expired"]]);
    clock.advance(5); // a, the next victim, expires too
    for (let i = 0; i < 5; i++) cache.get("d");
    cache.set("e", 5);
    expect(notices.slice(1)).toEqual([["a", 1, "expired"]]);
    expect(cache.stats()).toMatchObject({ expirations: 2, rejections: 0, evictions: 0 });
  });

  it("keeps maxSize, and never drops the entry a set is replacing", () => {
    const { cache, notices } = setup({
      maxEntries: Infinity,
      maxSize: 10,
      sizeCalculation: (value) => value,
    });
    for (let key = 0; key < 10; key++) cache.set(String(key), 1);
    cache.get("3");
    cache.set("big", 6);
    expect(cache.totalSize).toBeLessThanOrEqual(10);
    expect(cache.has("big")).toBe(true);
    cache.set("3", 10); // alone it fills the cache: everything else leaves
    expect([...cache.keys()]).toEqual(["3"]);
    expect(cache.totalSize).toBe(10);
    expect(notices.filter(([key]) => key === "3")).toEqual([["3", 1, "replaced"]]);
  });

  it("stores what fetch loads, and serves it on the next fetch", async () => {
    const { cache } = setup();
    let calls = 0;
    const loader = (key: string) => {
      calls++;
      return Promise.resolve(key.length);
    };
    for (const key of ["a", "bb", "ccc", "dddd"]) await cache.fetch(key, loader);
    expect(await cache.fetch("dddd", loader)).toBe(4);
    expect(calls).toBe(4);
    expect(cache.size).toBe(3);
  });

  it("stays bounded when onEvict stores the rejected key again", () => {
    const cache: TtlCache<number, number> = new TtlCache<number, number>({
      policy: "tinylfu",
      maxEntries: 4,
      onEvict: (key, value, reason) => {
        if (reason === "rejected" && key % 2 === 0) cache.set(key, value);
      },
    });
    for (let i = 0; i < 200; i++) use(cache, i % 9, i);
    expect(cache.size).toBe(4);
    expect([...cache.keys()]).toHaveLength(4);
  });

  it("iterates window, protected then probation, and dump/load keeps every entry", () => {
    const { cache } = setup({ maxEntries: 10 });
    for (const key of ["a", "b", "c", "d"]) cache.set(key, 1);
    cache.get("b");
    expect([...cache.keys()]).toEqual(["d", "b", "c", "a"]);
    const copy = new TtlCache<string, number>({ policy: "tinylfu", maxEntries: 10 });
    copy.load(cache.dump());
    expect(new Set(copy.keys())).toEqual(new Set(cache.keys()));
  });

  it("starts afresh after clear, take and delete", () => {
    const { cache } = setup();
    cache.set("a", 1).set("b", 2).set("c", 3);
    cache.get("a");
    expect(cache.take("a")).toBe(1);
    expect(cache.delete("b")).toBe(true);
    cache.clear();
    for (const key of ["x", "y", "z", "w"]) cache.set(key, 0);
    expect(cache.size).toBe(3);
    expect(cache.stats()).toMatchObject({ deletes: 2, size: 3 });
  });
});
