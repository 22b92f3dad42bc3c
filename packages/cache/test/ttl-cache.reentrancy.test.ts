// Re-entrancy: user code that runs inside a cache operation (onEvict, a diagnostics_channel
// subscriber, a loader) may call the cache back. Whatever it does, the bound holds, the recency
// list stays whole (iteration terminates) and no notice is lost. Issue 19.
import { subscribe, tracingChannel, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_CHANNELS, TtlCache } from "../src/index.js";
import type { EvictionReason } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function onChannel(name: string, listener: (message: unknown) => void): void {
  subscribe(name, listener);
  cleanups.push(() => unsubscribe(name, listener));
}

/** Walks the cache's keys, failing instead of hanging if the recency list has lost its end. */
function keysOf<K, V>(cache: TtlCache<K, V>): K[] {
  const keys: K[] = [];
  for (const key of cache.keys()) {
    keys.push(key);
    if (keys.length > 1_000) throw new Error("keys() does not terminate");
  }
  return keys;
}

describe("onEvict that calls set() during an eviction (issue 19)", () => {
  it("keeps the bound: the issue's repro has size 2 and terminates", () => {
    const c: TtlCache<string, number> = new TtlCache<string, number>({
      maxEntries: 2,
      onEvict: (k, v, r) => {
        if (r === "evicted" && k === "a") c.set("a", v);
      },
    });
    c.set("a", 1);
    c.set("b", 2);
    c.set("c", 3);
    expect(c.size).toBe(2);
    expect(keysOf(c)).toEqual(["a", "c"]);
    expect(c.prune()).toBe(0);
    expect(c.stats()).toMatchObject({ evictions: 2, size: 2 });
  });

  it("keeps the bound when the entry that made room had expired (reason expired)", () => {
    const clock = createFakeClock();
    const c: TtlCache<string, number> = new TtlCache<string, number>({
      maxEntries: 2,
      now: clock.now,
      sweepInterval: 0,
      onEvict: (k, v, r) => {
        if (r === "expired" && k === "a") c.set("a", v);
      },
    });
    c.set("a", 1, { ttl: 5 }).set("b", 2);
    clock.advance(5);
    c.set("c", 3);
    expect(c.size).toBe(2);
    expect(keysOf(c)).toEqual(["a", "c"]);
    expect(c.stats()).toMatchObject({ expirations: 1, evictions: 1 });
  });

  it.each([1, 2, 3, 5, 64])(
    "keeps the bound when a completed fetch evicts, at maxEntries %i",
    async (maxEntries) => {
      let reinserted = false;
      const c: TtlCache<number, number> = new TtlCache<number, number>({
        maxEntries,
        onEvict: (k, v, r) => {
          if (r === "evicted" && !reinserted) {
            reinserted = true;
            c.set(k, v);
          }
        },
      });
      for (let i = 0; i < maxEntries; i++) c.set(i, i);
      await expect(c.fetch(-1, () => -1)).resolves.toBe(-1);
      expect(c.size).toBe(maxEntries);
      const keys = keysOf(c);
      expect(keys).toHaveLength(maxEntries);
      expect(keys).toContain(0); // the first victim, set back by onEvict
      expect(c.stats().evictions).toBe(2);
    },
  );

  it("keeps the bound under churn when every eviction sets one new key", () => {
    let next = 1_000;
    const c: TtlCache<number, number> = new TtlCache<number, number>({
      maxEntries: 4,
      onEvict: (_k, _v, r) => {
        if (r === "evicted" && next < 1_050) c.set(next++, 0);
      },
    });
    for (let i = 0; i < 10; i++) c.set(i, i);
    expect(c.size).toBe(4);
    expect(keysOf(c)).toHaveLength(4);
  });
});

describe("diagnostics_channel subscribers that call the cache", () => {
  it("an evict subscriber that calls set() cannot push the cache past its bound", () => {
    const c = new TtlCache<string, number>({ maxEntries: 2 });
    let once = true;
    onChannel(CACHE_CHANNELS.evict, (message) => {
      const { key } = message as { key: string };
      if (once) {
        once = false;
        c.set(key, 0);
      }
    });
    c.set("a", 1).set("b", 2).set("c", 3);
    expect(c.size).toBe(2);
    expect(keysOf(c)).toEqual(["a", "c"]);
  });

  it("an expire subscriber that deletes other keys leaves the store whole", () => {
    const clock = createFakeClock();
    const c = new TtlCache<string, number>({ ttl: 10, now: clock.now, sweepInterval: 0 });
    onChannel(CACHE_CHANNELS.expire, () => {
      c.delete("y");
      c.delete("z");
    });
    c.set("x", 1).set("y", 2).set("z", 3).set("keep", 4, { ttl: 100 });
    clock.advance(10);
    expect(c.prune()).toBe(3);
    expect(c.size).toBe(1);
    expect(keysOf(c)).toEqual(["keep"]);
    expect(c.stats().expirations).toBe(3);
  });

  it("a delete subscriber that clears the cache leaves it empty and consistent", () => {
    const c = new TtlCache<string, number>();
    onChannel(CACHE_CHANNELS.delete, () => {
      c.clear();
    });
    c.set("a", 1).set("b", 2);
    expect(c.delete("a")).toBe(true);
    expect(c.size).toBe(0);
    expect(keysOf(c)).toEqual([]);
    c.set("c", 3);
    expect(keysOf(c)).toEqual(["c"]);
  });

  it("get() returns the value it found even if a hit subscriber deletes or replaces it", () => {
    const c = new TtlCache<string, number>();
    onChannel(CACHE_CHANNELS.hit, (message) => {
      const { key } = message as { key: string };
      c.delete(key);
      c.set("other", 99);
    });
    c.set("a", 1);
    expect(c.get("a")).toBe(1);
    expect(c.has("a")).toBe(false);
    expect(c.get("other")).toBe(99);
  });

  it("a set subscriber that sets more keys keeps the bound", () => {
    const c = new TtlCache<string, number>({ maxEntries: 3 });
    onChannel(CACHE_CHANNELS.set, (message) => {
      const { key } = message as { key: string };
      if (!key.startsWith("echo:")) c.set(`echo:${key}`, 0);
    });
    for (const key of ["a", "b", "c", "d"]) c.set(key, 1);
    expect(c.size).toBe(3);
    expect(keysOf(c)).toEqual(["echo:d", "d", "echo:c"]);
  });

  it("a fetch start subscriber that fetches the same key joins the load", async () => {
    const c = new TtlCache<string, number>();
    let calls = 0;
    const joined: Promise<number>[] = [];
    const trace = tracingChannel(CACHE_CHANNELS.fetch);
    const ignore = (): void => undefined;
    const handlers = {
      start: () => {
        if (joined.length === 0) joined.push(c.fetch("k", () => ++calls * 100));
      },
      end: ignore,
      asyncStart: ignore,
      asyncEnd: ignore,
      error: ignore,
    };
    trace.subscribe(handlers);
    cleanups.push(() => {
      trace.unsubscribe(handlers);
    });
    const value = await c.fetch("k", () => ++calls);
    expect(calls).toBe(1);
    expect(value).toBe(1);
    await expect(joined[0]).resolves.toBe(1);
  });
});

describe("loaders that call the cache", () => {
  it("a loader that sets its own key synchronously wins over its own result", async () => {
    const c: TtlCache<string, string> = new TtlCache<string, string>();
    const value = await c.fetch("k", (key) => {
      c.set(key, "set by the loader");
      return "loaded";
    });
    expect(value).toBe("loaded");
    expect(c.get("k")).toBe("set by the loader");
  });

  it("a loader that fetches its own key synchronously shares its own load (one call)", async () => {
    const c: TtlCache<string, number> = new TtlCache<string, number>();
    let calls = 0;
    let inner: Promise<number> | undefined;
    const outer = c.fetch("k", async () => {
      calls++;
      inner ??= c.fetch("k", () => -1);
      await Promise.resolve();
      return 7;
    });
    await expect(outer).resolves.toBe(7);
    await expect(inner).resolves.toBe(7);
    expect(calls).toBe(1);
  });

  it("a loader may fill other keys of a bounded cache, and its own value still fits", async () => {
    const c: TtlCache<number, number> = new TtlCache<number, number>({ maxEntries: 3 });
    await c.fetch(0, () => {
      for (let i = 1; i <= 5; i++) c.set(i, i);
      return 0;
    });
    expect(c.size).toBe(3);
    expect(keysOf(c)).toEqual([0, 5, 4]);
  });

  it("a loader that clears the cache invalidates its own load too, as clear() documents", async () => {
    const c: TtlCache<string, number> = new TtlCache<string, number>();
    c.set("other", 1);
    const value = await c.fetch("k", () => {
      c.clear();
      return 2;
    });
    expect(value).toBe(2);
    expect(keysOf(c)).toEqual([]);
  });
});

describe("a sizeCalculation that calls the cache", () => {
  it("runs before the store changes, so the sizes and the bound stay right", () => {
    const c: TtlCache<string, string> = new TtlCache<string, string>({
      maxEntries: 3,
      maxSize: 10,
      sizeCalculation: (value, key) => {
        if (key === "trigger") c.set("side", "xxxx");
        return value.length;
      },
    });
    c.set("a", "xxxx").set("b", "xxxx");
    c.set("trigger", "xxxx"); // the nested set evicts "a"; then "trigger" needs room: "b" leaves
    expect(keysOf(c)).toEqual(["trigger", "side"]);
    expect(c.totalSize).toBe(8);
  });
});

describe("onEvict reasons are all delivered, in order, when callbacks call back", () => {
  it("delivers nested removals after the one that caused them", () => {
    const heard: [string, EvictionReason][] = [];
    const c: TtlCache<string, number> = new TtlCache<string, number>({
      maxEntries: 2,
      onEvict: (k, _v, r) => {
        heard.push([k, r]);
        if (k === "a") c.delete("c");
      },
    });
    c.set("a", 1).set("b", 2).set("c", 3);
    expect(heard).toEqual([
      ["a", "evicted"],
      ["c", "deleted"],
    ]);
    expect(keysOf(c)).toEqual(["b"]);
  });
});
