// The sweep: one unref'd timer per cache (never one per entry), armed only while something can
// expire, clamped for intervals Node's timers cannot represent.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "../src/index.js";
import { MAX_TIMER_DELAY_MS, SweepTimer } from "../src/sweep-timer.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the sweep timer of a cache", () => {
  it("holds no timer until an entry that can expire is stored", () => {
    const cache = new TtlCache<string, number>({ now: Date.now });
    cache.set("forever", 1, { ttl: Infinity });
    expect(vi.getTimerCount()).toBe(0);
    cache.set("soon", 2, { ttl: 10 });
    expect(vi.getTimerCount()).toBe(1);
    cache.close();
  });

  it("uses one timer for the whole cache, however many entries it holds", () => {
    const cache = new TtlCache<number, number>({ now: Date.now });
    for (let i = 0; i < 1000; i++) cache.set(i, i, { ttl: 1 + i });
    expect(vi.getTimerCount()).toBe(1);
    cache.close();
  });

  it("removes every expired entry within one interval of its expiry", () => {
    const cache = new TtlCache<number, number>({ sweepInterval: 1000, now: Date.now });
    for (let i = 0; i < 100; i++) cache.set(i, i, { ttl: 10 * i });
    vi.advanceTimersByTime(1000);
    expect(cache.size).toBe(0);
    cache.close();
  });

  it("stops when the cache empties and starts again on the next expiring set", () => {
    const cache = new TtlCache<string, number>({ sweepInterval: 100, now: Date.now });
    cache.set("a", 1, { ttl: 50 });
    vi.advanceTimersByTime(100);
    expect(cache.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    cache.set("b", 2, { ttl: 50 });
    expect(vi.getTimerCount()).toBe(1);
    cache.delete("b");
    expect(vi.getTimerCount()).toBe(0);
    cache.close();
  });

  it("never runs with sweepInterval 0 (lazy expiry only)", () => {
    const cache = new TtlCache<string, number>({ sweepInterval: 0, now: Date.now });
    cache.set("a", 1, { ttl: 10 });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("is stopped by close() and by Symbol.dispose, and not restarted afterwards", () => {
    const cache = new TtlCache<string, number>({ now: Date.now });
    cache.set("a", 1);
    cache.close();
    expect(vi.getTimerCount()).toBe(0);
    cache.set("b", 2);
    expect(vi.getTimerCount()).toBe(0);
    {
      using disposable = new TtlCache<string, number>({ now: Date.now });
      disposable.set("a", 1);
      expect(vi.getTimerCount()).toBe(1);
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops on clear()", () => {
    const cache = new TtlCache<string, number>({ now: Date.now });
    cache.set("a", 1);
    cache.clear();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("SweepTimer", () => {
  it("waits out an interval longer than 2^31-1 ms in chunks instead of firing at once", () => {
    const sweep = vi.fn();
    const timer = new SweepTimer(MAX_TIMER_DELAY_MS + 1000, sweep);
    timer.start();
    vi.advanceTimersByTime(1);
    expect(sweep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS - 1);
    expect(sweep).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(sweep).toHaveBeenCalledTimes(1);
    expect(timer.running).toBe(true);
    timer.stop();
  });

  it("repeats every interval and starts only once", () => {
    const sweep = vi.fn();
    const timer = new SweepTimer(100, sweep);
    timer.start();
    timer.start();
    vi.advanceTimersByTime(350);
    expect(sweep).toHaveBeenCalledTimes(3);
    timer.stop();
    timer.stop();
    vi.advanceTimersByTime(1000);
    expect(sweep).toHaveBeenCalledTimes(3);
  });

  it("never starts with an interval of 0 or Infinity", () => {
    for (const interval of [0, Infinity]) {
      const timer = new SweepTimer(interval, vi.fn());
      timer.start();
      expect(timer.running).toBe(false);
    }
  });

  it("unrefs its timer so it never keeps the process alive", () => {
    const timer = new SweepTimer(100, vi.fn());
    const unref = vi.spyOn(globalThis, "setTimeout");
    timer.start();
    const handle = unref.mock.results[0]?.value as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    timer.stop();
  });
});

describe("a process holding a cache with a live sweep timer", () => {
  it("exits by itself", () => {
    vi.useRealTimers();
    const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    expect(existsSync(dist), "build the package first: npm run build").toBe(true);
    // The child records every timer it creates, so it can report the sweep timer's state, then
    // ends its script with the timer still armed: it must exit anyway.
    const script = `
      const timers = [];
      const original = globalThis.setTimeout;
      globalThis.setTimeout = (...args) => { const t = original(...args); timers.push(t); return t; };
      const { TtlCache } = await import(${JSON.stringify(dist)});
      const cache = new TtlCache({ ttl: 60_000, sweepInterval: 1_000 });
      for (let i = 0; i < 100; i++) cache.set(i, i);
      console.log(timers.length, "timer(s), referenced:", timers.some((t) => t.hasRef()));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.error).toBeUndefined();
    expect(child.stdout.trim()).toBe("1 timer(s), referenced: false");
    expect(child.status).toBe(0);
  });
});
