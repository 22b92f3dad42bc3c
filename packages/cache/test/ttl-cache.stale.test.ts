// Stale-while-revalidate and stale-if-error for fetch (issue 19, feature 1): an entry past its TTL
// but inside a stale window is not live (get, has and iteration skip it) yet stays stored, so
// fetch can answer with it while one background load refreshes it, or when the load fails.
// Boundaries are exact on a fake clock: a window [expiry, expiry + window) is half-open.
import { tracingChannel } from "node:diagnostics_channel";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_CHANNELS, TtlCache } from "../src/index.js";
import type { EvictionReason, TtlCacheOptions } from "../src/index.js";
import { deferred } from "./support/deferred.js";
import type { Deferred } from "./support/deferred.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A cache with a 100 ms TTL on a fake clock, and a loader whose calls the test settles. */
function setup(options: TtlCacheOptions<string, string> = {}) {
  const clock = createFakeClock(0);
  const evicted: [string, string, EvictionReason][] = [];
  const cache = new TtlCache<string, string>({
    ttl: 100,
    now: clock.now,
    sweepInterval: 0,
    onEvict: (key, value, reason) => evicted.push([key, value, reason]),
    ...options,
  });
  const calls: Deferred<string>[] = [];
  const loader = (): Promise<string> => {
    const call = deferred<string>();
    calls.push(call);
    return call.promise;
  };
  return { cache, clock, evicted, calls, loader };
}

/** Lets the microtasks of a settled load run (the store happens in a then callback). */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe("staleWhileRevalidate", () => {
  it("answers with the stale value at once and refreshes it with one background load", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(120);
    await expect(cache.fetch("k", loader)).resolves.toBe("old");
    await expect(cache.fetch("k", loader)).resolves.toBe("old");
    expect(calls).toHaveLength(1);
    calls[0]!.resolve("new");
    await flush();
    await expect(cache.fetch("k", loader)).resolves.toBe("new");
    expect(calls).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 0, sets: 2 });
  });

  it("serves stale exactly at expiry, and not exactly at the end of the window", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(100); // exactly at expiry: not live any more, stale
    expect(cache.get("k")).toBeUndefined();
    await expect(cache.fetch("k", loader)).resolves.toBe("old");
    calls[0]!.reject(new Error("down")); // the refresh fails; the stale value stays
    await flush();
    clock.advance(49); // 1 ms before the window ends
    await expect(cache.fetch("k", loader)).resolves.toBe("old");
    calls[1]!.reject(new Error("down"));
    await flush();
    clock.advance(1); // exactly at the end of the window: a plain miss that waits for the load
    const waiting = cache.fetch("k", loader);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve("fresh");
    await expect(waiting).resolves.toBe("fresh");
  });

  it("keeps the stale value when the background load fails, and nothing is unhandled", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(110);
    await cache.fetch("k", loader);
    calls[0]!.reject(new Error("database down"));
    await flush();
    expect(cache.size).toBe(1);
    await expect(cache.fetch("k", loader)).resolves.toBe("old");
    expect(calls).toHaveLength(2);
  });

  it("stores the refreshed value with the ttl of the call that started the refresh", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(100);
    await cache.fetch("k", loader, { ttl: 10 });
    calls[0]!.resolve("new");
    await flush();
    clock.advance(9);
    expect(cache.get("k")).toBe("new");
    clock.advance(1);
    expect(cache.get("k")).toBeUndefined();
  });

  it("does not start a refresh when a load of the key is already in flight", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(100);
    await cache.fetch("k", loader);
    await cache.fetch("k", loader);
    expect(calls).toHaveLength(1);
  });

  it("traces the background load on the fetch channel, its failure included", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    const events: string[] = [];
    const handlers = {
      start: () => events.push("start"),
      end: () => events.push("end"),
      asyncStart: () => events.push("asyncStart"),
      asyncEnd: () => events.push("asyncEnd"),
      error: () => events.push("error"),
    };
    const trace = tracingChannel(CACHE_CHANNELS.fetch);
    trace.subscribe(handlers);
    cleanups.push(() => {
      trace.unsubscribe(handlers);
    });
    cache.set("k", "old");
    clock.advance(100);
    await cache.fetch("k", loader);
    calls[0]!.reject(new Error("down"));
    await flush();
    expect(events).toContain("start");
    expect(events).toContain("error");
  });
});

describe("a stale entry is not live", () => {
  it("is skipped by get, has, keys and entries, but counted by size and kept by prune", () => {
    const { cache, clock, evicted } = setup({ staleWhileRevalidate: 50 });
    cache.set("stale", "s").set("live", "l", { ttl: 1_000 });
    clock.advance(100);
    expect(cache.get("stale")).toBeUndefined();
    expect(cache.has("stale")).toBe(false);
    expect([...cache.keys()]).toEqual(["live"]);
    expect([...cache.entries()]).toEqual([["live", "l"]]);
    expect(cache.prune()).toBe(0);
    expect(cache.size).toBe(2);
    expect(evicted).toEqual([]);
    expect(cache.stats()).toMatchObject({ misses: 1, expirations: 0 });
  });

  it("is removed once its window has passed: on access, by prune, or by the bound", () => {
    const { cache, clock, evicted } = setup({ staleWhileRevalidate: 50, maxEntries: 2 });
    cache.set("a", "1").set("b", "2");
    clock.advance(150); // exactly at the end of the window
    expect(cache.get("a")).toBeUndefined();
    expect(cache.prune()).toBe(1);
    expect(evicted).toEqual([
      ["a", "1", "expired"],
      ["b", "2", "expired"],
    ]);
    cache.set("c", "3").set("d", "4");
    clock.advance(100); // both stale now
    cache.set("e", "5"); // the least recently used stale entry makes room: an expiration
    expect(evicted.at(-1)).toEqual(["c", "3", "expired"]);
    expect(cache.stats()).toMatchObject({ expirations: 3, evictions: 0 });
  });

  it("is removed by delete(), which reports false (it was not live) and counts an expiration", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(100);
    expect(cache.delete("k")).toBe(false);
    expect(cache.size).toBe(0);
    expect(cache.stats().expirations).toBe(1);
    const waiting = cache.fetch("k", loader);
    calls[0]!.resolve("new");
    await expect(waiting).resolves.toBe("new");
  });

  it("is replaced by set() like any entry", () => {
    const { cache, clock, evicted } = setup({ staleWhileRevalidate: 50 });
    cache.set("k", "old");
    clock.advance(100);
    cache.set("k", "new");
    expect(cache.get("k")).toBe("new");
    expect(evicted).toEqual([["k", "old", "replaced"]]);
  });
});

describe("staleIfError", () => {
  it("resolves a failed load with the stale value, and the entry stays stale", async () => {
    const { cache, clock, calls, loader } = setup({ staleIfError: 1_000 });
    cache.set("k", "old");
    clock.advance(100);
    const waiters = [cache.fetch("k", loader), cache.fetch("k", loader)];
    calls[0]!.reject(new Error("database down"));
    await expect(Promise.all(waiters)).resolves.toEqual(["old", "old"]);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 3, hits: 0 });
  });

  it("measures the window when the load fails: exactly at its end the waiters reject", async () => {
    const { cache, clock, calls, loader } = setup({ staleIfError: 50 });
    cache.set("k", "old");
    clock.advance(100);
    const early = cache.fetch("k", loader);
    clock.advance(49);
    calls[0]!.reject(new Error("down"));
    await expect(early).resolves.toBe("old");
    const late = cache.fetch("k", loader);
    clock.advance(1); // the load fails exactly at expiry + staleIfError
    const failure = new Error("still down");
    calls[1]!.reject(failure);
    await expect(late).rejects.toBe(failure);
  });

  it("rejects as usual when there is no stale value to fall back to", async () => {
    const { cache, calls, loader } = setup({ staleIfError: 1_000 });
    const waiting = cache.fetch("k", loader);
    const failure = new Error("down");
    calls[0]!.reject(failure);
    await expect(waiting).rejects.toBe(failure);
  });

  it("keeps the entry for the longer of the two windows", async () => {
    const { cache, clock, calls, loader } = setup({ staleWhileRevalidate: 10, staleIfError: 60 });
    cache.set("k", "old");
    clock.advance(130); // past the revalidate window, inside the error window
    const waiting = cache.fetch("k", loader);
    calls[0]!.reject(new Error("down"));
    await expect(waiting).resolves.toBe("old");
    clock.advance(30); // exactly expiry + 60
    expect(cache.prune()).toBe(1);
  });
});

describe("stale window options", () => {
  it.each([
    [{ staleWhileRevalidate: -1 }, RangeError, /`staleWhileRevalidate` must be a non-negative/],
    [{ staleIfError: Number.NaN }, RangeError, /`staleIfError`.*received NaN/],
    [{ staleIfError: "1s" }, TypeError, /`staleIfError` must be a number of milliseconds/],
  ])("rejects %j", (options, errorType, message) => {
    const make = () => new TtlCache(options as TtlCacheOptions<unknown, unknown>);
    expect(make).toThrow(errorType);
    expect(make).toThrow(message);
  });

  it("accepts 0 (off) and Infinity (serve stale for as long as the entry is stored)", async () => {
    const { cache, clock, calls, loader } = setup({ staleIfError: Infinity });
    cache.set("k", "old");
    clock.advance(1e9);
    const waiting = cache.fetch("k", loader);
    calls[0]!.reject(new Error("down"));
    await expect(waiting).resolves.toBe("old");
    expect(() => new TtlCache({ staleWhileRevalidate: 0, staleIfError: 0 })).not.toThrow();
  });
});
