// An onEvict that throws: the cache finishes the operation and stays consistent, every other
// notice is still delivered, and the error is never swallowed. It is thrown by the method that
// removed the entry, or, where no synchronous caller exists (the sweep timer, a load completing,
// fetch), rethrown in a microtask so it reaches uncaughtException.
import { afterEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EvictionReason } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A cache whose onEvict records every notice and throws for the keys in `failing`. */
function throwingCache(options: { maxEntries?: number; failing: string[] }) {
  const clock = createFakeClock();
  const heard: [string, EvictionReason][] = [];
  const errors = new Map(options.failing.map((key) => [key, new Error(`cannot release ${key}`)]));
  const cache = new TtlCache<string, number>({
    ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
    now: clock.now,
    sweepInterval: 0,
    onEvict: (key, _value, reason) => {
      heard.push([key, reason]);
      const error = errors.get(key);
      if (error !== undefined) throw error;
    },
  });
  return { cache, clock, heard, errors };
}

/** Captures what the cache hands to queueMicrotask instead of letting it run. */
function captureMicrotasks(): (() => void)[] {
  const tasks: (() => void)[] = [];
  vi.spyOn(globalThis, "queueMicrotask").mockImplementation((task) => {
    tasks.push(task);
  });
  return tasks;
}

describe("an onEvict that throws", () => {
  it("is rethrown by set() after the new value is stored and the bound holds", () => {
    const { cache, heard, errors } = throwingCache({ maxEntries: 2, failing: ["a"] });
    cache.set("a", 1).set("b", 2);
    expect(() => cache.set("c", 3)).toThrow(errors.get("a"));
    expect(cache.get("c")).toBe(3);
    expect([...cache.keys()]).toEqual(["c", "b"]);
    expect(cache.stats()).toMatchObject({ evictions: 1, sets: 3, size: 2 });
    expect(heard).toEqual([["a", "evicted"]]);
  });

  it("does not stop the notices after it: all are delivered, then one AggregateError", () => {
    const { cache, heard, errors } = throwingCache({ failing: ["a", "c"] });
    cache.set("a", 1).set("b", 2).set("c", 3);
    let thrown: unknown;
    try {
      cache.clear();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AggregateError);
    expect((thrown as AggregateError).errors).toEqual([errors.get("c"), errors.get("a")]);
    expect(heard.map(([key]) => key)).toEqual(["c", "b", "a"]);
    expect(cache.size).toBe(0);
  });

  it("is rethrown by delete() after the entry is gone", () => {
    const { cache, errors } = throwingCache({ failing: ["a"] });
    cache.set("a", 1);
    expect(() => cache.delete("a")).toThrow(errors.get("a"));
    expect(cache.has("a")).toBe(false);
    expect(cache.stats().deletes).toBe(1);
    expect(cache.delete("a")).toBe(false);
  });

  it("is rethrown by get() and has() that found the entry expired, after counting the miss", () => {
    const { cache, clock, errors } = throwingCache({ failing: ["a", "b"] });
    cache.set("a", 1, { ttl: 10 }).set("b", 2, { ttl: 10 });
    clock.advance(10);
    expect(() => cache.get("a")).toThrow(errors.get("a"));
    expect(() => cache.has("b")).toThrow(errors.get("b"));
    expect(cache.stats()).toMatchObject({ misses: 1, expirations: 2, size: 0 });
  });

  it("is rethrown by prune() after every expired entry is removed", () => {
    const { cache, clock, heard, errors } = throwingCache({ failing: ["a"] });
    cache.set("a", 1, { ttl: 10 }).set("b", 2, { ttl: 10 }).set("c", 3);
    clock.advance(10);
    expect(() => cache.prune()).toThrow(errors.get("a"));
    expect([...cache.keys()]).toEqual(["c"]);
    expect(heard).toEqual([
      ["b", "expired"],
      ["a", "expired"],
    ]);
  });

  it("is rethrown by the replacing set()", () => {
    const { cache, errors } = throwingCache({ failing: ["a"] });
    cache.set("a", 1);
    expect(() => cache.set("a", 2)).toThrow(errors.get("a"));
    expect(cache.get("a")).toBe(2);
  });

  it("in the sweep reaches the timer (uncaughtException) with the sweep done and re-armed", () => {
    vi.useFakeTimers();
    const failure = new Error("cannot release");
    const cache = new TtlCache<string, number>({
      sweepInterval: 100,
      now: Date.now,
      onEvict: () => {
        throw failure;
      },
    });
    cache.set("short", 1, { ttl: 50 }).set("long", 2, { ttl: 1_000 });
    expect(() => vi.advanceTimersByTime(100)).toThrow(failure);
    expect([...cache.keys()]).toEqual(["long"]);
    expect(vi.getTimerCount()).toBe(1);
    cache.close();
  });

  it("when a completed fetch evicts: the fetch resolves, the error is rethrown in a microtask", async () => {
    const { cache, errors } = throwingCache({ maxEntries: 1, failing: ["a"] });
    cache.set("a", 1);
    const tasks = captureMicrotasks();
    await expect(cache.fetch("b", () => 2)).resolves.toBe(2);
    vi.restoreAllMocks();
    expect([...cache.keys()]).toEqual(["b"]);
    expect(tasks).toHaveLength(1);
    expect(() => tasks[0]?.()).toThrow(errors.get("a"));
  });

  it("when fetch finds the entry expired: fetch still loads, the error is rethrown in a microtask", async () => {
    const { cache, clock, errors } = throwingCache({ failing: ["a"] });
    cache.set("a", 1, { ttl: 10 });
    clock.advance(10);
    const tasks = captureMicrotasks();
    const pending = cache.fetch("a", () => 2);
    vi.restoreAllMocks();
    await expect(pending).resolves.toBe(2);
    expect(tasks).toHaveLength(1);
    expect(() => tasks[0]?.()).toThrow(errors.get("a"));
    expect(cache.get("a")).toBe(2);
  });
});
