// Telemetry is a public API: exact channel names, exact payloads, and no work without subscribers.
import { channel, subscribe, tracingChannel, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CACHE_CHANNELS, TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

function listen(name: string): unknown[] {
  const messages: unknown[] = [];
  const listener = (message: unknown) => messages.push(message);
  subscribe(name, listener);
  cleanups.push(() => unsubscribe(name, listener));
  return messages;
}

describe("channel names", () => {
  it("are exactly the spec's", () => {
    expect(CACHE_CHANNELS).toMatchObject({
      hit: "ladder:cache:hit",
      miss: "ladder:cache:miss",
      set: "ladder:cache:set",
      delete: "ladder:cache:delete",
      evict: "ladder:cache:evict",
      expire: "ladder:cache:expire",
      sweep: "ladder:cache:sweep",
      fetch: "ladder:cache:fetch",
    });
  });
});

describe("payloads", () => {
  it("publishes { cache, key } on hit, miss, set, delete, evict and expire", () => {
    const clock = createFakeClock();
    const names = ["hit", "miss", "set", "delete", "evict", "expire"] as const;
    const heard = Object.fromEntries(names.map((n) => [n, listen(CACHE_CHANNELS[n])]));
    const key = { id: 1 };
    const cache = new TtlCache<unknown, number>({
      name: "users",
      maxEntries: 1,
      now: clock.now,
      sweepInterval: 0,
    });
    cache.set(key, 1);
    cache.get(key);
    cache.get("absent");
    cache.set("other", 2);
    cache.delete("other");
    cache.set("short", 3, { ttl: 1 });
    clock.advance(1);
    cache.get("short");
    expect(heard.set).toEqual([
      { cache: "users", key },
      { cache: "users", key: "other" },
      { cache: "users", key: "short" },
    ]);
    expect(heard.hit).toEqual([{ cache: "users", key }]);
    expect(heard.miss).toEqual([
      { cache: "users", key: "absent" },
      { cache: "users", key: "short" },
    ]);
    expect(heard.evict).toEqual([{ cache: "users", key }]);
    expect(heard.delete).toEqual([{ cache: "users", key: "other" }]);
    expect(heard.expire).toEqual([{ cache: "users", key: "short" }]);
    expect(heard.hit?.[0]).toHaveProperty("key", key);
  });

  it("publishes { cache, removed } after each sweep", () => {
    vi.useFakeTimers();
    const sweeps = listen(CACHE_CHANNELS.sweep);
    const cache = new TtlCache<string, number>({ name: "s", sweepInterval: 100, now: Date.now });
    cache.set("a", 1, { ttl: 50 }).set("b", 2, { ttl: 150 }).set("c", 3, { ttl: 1000 });
    vi.advanceTimersByTime(200);
    expect(sweeps).toEqual([
      { cache: "s", removed: 1 },
      { cache: "s", removed: 1 },
    ]);
    cache.close();
  });

  it("traces each loader call on the fetch tracing channel, with errors", async () => {
    const events: [string, unknown][] = [];
    const record = (event: string) => (context: unknown) => {
      events.push([event, { ...(context as object) }]);
    };
    const handlers = {
      start: record("start"),
      end: record("end"),
      asyncStart: record("asyncStart"),
      asyncEnd: record("asyncEnd"),
      error: record("error"),
    };
    const trace = tracingChannel(CACHE_CHANNELS.fetch);
    trace.subscribe(handlers);
    cleanups.push(() => {
      trace.unsubscribe(handlers);
    });
    const cache = new TtlCache<string, number>({ name: "traced" });
    await cache.fetch("k", () => Promise.resolve(1));
    await cache.fetch("k", () => Promise.resolve(2));
    expect(events.map(([event]) => event)).toEqual(["start", "end", "asyncStart", "asyncEnd"]);
    expect(events[0]?.[1]).toEqual({ cache: "traced", key: "k" });
    events.length = 0;
    await expect(cache.fetch("bad", () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(events.map(([event]) => event)).toContain("error");
  });
});

describe("without subscribers", () => {
  it("publishes nothing: the cost is the hasSubscribers check", async () => {
    const spies = (["hit", "miss", "set", "delete", "evict", "expire"] as const).map((n) =>
      vi.spyOn(channel(CACHE_CHANNELS[n]), "publish"),
    );
    const traceSpy = vi.spyOn(tracingChannel(CACHE_CHANNELS.fetch), "tracePromise");
    const clock = createFakeClock();
    const cache = new TtlCache<string, number>({ maxEntries: 1, now: clock.now });
    cache.set("a", 1, { ttl: 1 });
    cache.get("a");
    cache.set("b", 2);
    cache.delete("b");
    clock.advance(5);
    cache.get("a");
    await cache.fetch("c", () => 3);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(traceSpy).not.toHaveBeenCalled();
    cache.close();
  });
});
