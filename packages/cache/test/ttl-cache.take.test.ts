// take (issue 19, feature 8): get and delete in one step. The value goes to the caller, so
// onEvict is not called; telemetry and counters see a hit and a delete.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { CACHE_CHANNELS, TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("take", () => {
  it("returns the live value and removes the entry, counting a hit and a delete", () => {
    const evicted: string[] = [];
    const cache = new TtlCache<string, { id: number }>({ onEvict: (key) => evicted.push(key) });
    const job = { id: 42 };
    cache.set("job", job);
    expect(cache.take("job")).toBe(job);
    expect(cache.has("job")).toBe(false);
    expect(cache.take("job")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, deletes: 1, size: 0 });
    expect(evicted).toEqual([]); // the caller owns the value now
  });

  it("reads an entry exactly at expiry as a miss, reported as expired", () => {
    const clock = createFakeClock(0);
    const evicted: [string, string][] = [];
    const cache = new TtlCache<string, number>({
      ttl: 10,
      now: clock.now,
      sweepInterval: 0,
      onEvict: (key, _value, reason) => evicted.push([key, reason]),
    });
    cache.set("k", 1);
    clock.advance(9);
    cache.set("other", 2);
    expect(cache.take("other")).toBe(2);
    clock.advance(1);
    expect(cache.take("k")).toBeUndefined();
    expect(evicted).toEqual([["k", "expired"]]);
    expect(cache.stats()).toMatchObject({ expirations: 1, deletes: 1 });
  });

  it("publishes hit and delete after the entry is gone, so subscribers may call back", () => {
    const cache = new TtlCache<string, number>({ maxEntries: 2 });
    const heard: [string, boolean][] = [];
    for (const name of [CACHE_CHANNELS.hit, CACHE_CHANNELS.delete]) {
      const listener = (message: unknown) => {
        const { key } = message as { key: string };
        heard.push([name, cache.has(key)]);
        cache.set("from-subscriber", 0);
      };
      subscribe(name, listener);
      cleanups.push(() => unsubscribe(name, listener));
    }
    cache.set("a", 1).set("b", 2);
    expect(cache.take("a")).toBe(1);
    expect(heard).toEqual([
      [CACHE_CHANNELS.hit, false],
      [CACHE_CHANNELS.delete, false],
    ]);
    expect(cache.size).toBe(2);
  });

  it("frees the entry's size and supersedes a load in flight", async () => {
    const cache = new TtlCache<string, string>({
      maxSize: 10,
      sizeCalculation: (value) => value.length,
    });
    cache.set("a", "xxxx");
    cache.take("a");
    expect(cache.totalSize).toBe(0);
    let resolve!: (value: string) => void;
    const pending = cache.fetch("k", () => new Promise<string>((res) => (resolve = res)));
    cache.take("k");
    resolve("late");
    await pending;
    expect(cache.has("k")).toBe(false);
  });

  it("is typed by the value type", () => {
    const cache = new TtlCache<string, Date>();
    expectTypeOf(cache.take("k")).toEqualTypeOf<Date | undefined>();
  });
});
