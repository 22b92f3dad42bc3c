// Single-flight fetch: one loader call per missing key however many callers wait.
import { describe, expect, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { LoaderContext } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

/** A loader whose promise the test settles by hand, counting its calls. */
function deferredLoader<V>() {
  const calls: { key: string; context: LoaderContext }[] = [];
  let resolve!: (value: V) => void;
  let reject!: (error: unknown) => void;
  const loader = (key: string, context: LoaderContext) => {
    calls.push({ key, context });
    return new Promise<V>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    loader,
    calls,
    resolve: (value: V) => {
      resolve(value);
    },
    reject: (error: unknown) => {
      reject(error);
    },
  };
}

describe("fetch", () => {
  it("shares one loader call among 1000 concurrent callers, then caches the value", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const waiters = Array.from({ length: 1000 }, () => cache.fetch("user9", load.loader));
    load.resolve("Alice");
    const values = await Promise.all(waiters);
    expect(load.calls).toHaveLength(1);
    expect(new Set(values)).toEqual(new Set(["Alice"]));
    expect(cache.get("user9")).toBe("Alice");
    expect(cache.stats()).toMatchObject({ misses: 1000, sets: 1, hits: 1 });
  });

  it("returns a live value without calling the loader", async () => {
    const cache = new TtlCache<string, string>();
    cache.set("user9", "cached");
    const load = deferredLoader<string>();
    await expect(cache.fetch("user9", load.loader)).resolves.toBe("cached");
    expect(load.calls).toHaveLength(0);
  });

  it("passes the key and an AbortSignal to the loader", async () => {
    const cache = new TtlCache<string, number>();
    const load = deferredLoader<number>();
    const pending = cache.fetch("k", load.loader);
    expect(load.calls[0]?.key).toBe("k");
    expect(load.calls[0]?.context.signal).toBeInstanceOf(AbortSignal);
    expect(load.calls[0]?.context.signal.aborted).toBe(false);
    load.resolve(1);
    await pending;
  });

  it("rejects every waiter when the loader rejects, caches nothing, and retries next time", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const waiters = Array.from({ length: 10 }, () => cache.fetch("k", load.loader));
    const failure = new Error("database down");
    load.reject(failure);
    const results = await Promise.allSettled(waiters);
    expect(results.every((r) => r.status === "rejected" && r.reason === failure)).toBe(true);
    expect(cache.has("k")).toBe(false);
    await expect(cache.fetch("k", () => "recovered")).resolves.toBe("recovered");
    expect(load.calls).toHaveLength(1);
  });

  it("treats a loader that throws synchronously as a rejection", async () => {
    const cache = new TtlCache<string, string>();
    const loader = (): string => {
      throw new Error("sync boom");
    };
    await expect(cache.fetch("k", loader)).rejects.toThrow("sync boom");
    expect(cache.has("k")).toBe(false);
  });

  it("accepts a loader that returns a plain value, undefined included", async () => {
    const cache = new TtlCache<string, string | undefined>();
    await expect(cache.fetch("k", () => undefined)).resolves.toBeUndefined();
    expect(cache.has("k")).toBe(true);
  });

  it("stores the loaded value with the per-call ttl, counted from when it arrives", async () => {
    const clock = createFakeClock();
    const cache = new TtlCache<string, number>({ ttl: 1000, now: clock.now, sweepInterval: 0 });
    const load = deferredLoader<number>();
    const pending = cache.fetch("k", load.loader, { ttl: 50 });
    clock.advance(500);
    load.resolve(7);
    await pending;
    clock.advance(49);
    expect(cache.get("k")).toBe(7);
    clock.advance(1);
    expect(cache.get("k")).toBeUndefined();
  });

  it("reloads a key whose cached value has expired", async () => {
    const clock = createFakeClock();
    const cache = new TtlCache<string, number>({ ttl: 10, now: clock.now, sweepInterval: 0 });
    let calls = 0;
    const loader = () => ++calls;
    await cache.fetch("k", loader);
    clock.advance(10);
    await expect(cache.fetch("k", loader)).resolves.toBe(2);
  });

  it("does not cache a load that delete() invalidated while it was in flight", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const pending = cache.fetch("k", load.loader);
    cache.delete("k");
    load.resolve("stale");
    await expect(pending).resolves.toBe("stale");
    expect(cache.has("k")).toBe(false);
  });

  it("lets an explicit set() win over a load in flight", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const pending = cache.fetch("k", load.loader);
    cache.set("k", "fresh");
    load.resolve("stale");
    await pending;
    expect(cache.get("k")).toBe("fresh");
  });

  it("does not cache loads in flight across clear()", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const pending = cache.fetch("k", load.loader);
    cache.clear();
    load.resolve("stale");
    await pending;
    expect(cache.has("k")).toBe(false);
  });

  it("aborts the loader's signal on close()", async () => {
    const cache = new TtlCache<string, string>();
    const load = deferredLoader<string>();
    const pending = cache.fetch("k", load.loader);
    const signal = load.calls[0]!.context.signal;
    cache.close();
    expect(signal.aborted).toBe(true);
    expect(String(signal.reason)).toMatch(/"ttl-cache" was closed during the load/);
    load.reject(signal.reason);
    await expect(pending).rejects.toBe(signal.reason);
  });
});
