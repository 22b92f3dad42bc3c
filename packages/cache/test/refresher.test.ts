// Refresher: generations that accumulate 3 → 6 → 9 → 12 then hold, bounded concurrency, per-call
// timeouts, retries after the delay and not before, stop(), no overlapping generations, tracing,
// regenerateAll / clear, and bad options. Fake timers throughout: no test sleeps.
import { tracingChannel } from "node:diagnostics_channel";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CACHE_CHANNELS, Refresher, VarietyCache } from "../src/index.js";
import type { GenerationReport, Producer, RefreshMessage } from "../src/index.js";
import { deferred } from "./support/deferred.js";
import type { Deferred } from "./support/deferred.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const KEYS = ["k0", "k1", "k2", "k3"];

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.useRealTimers();
});

/** A cache over `keys` on the fake clock, and a refresher over it that is stopped after the test. */
function build<V = string>(
  producer: Producer<string, V>,
  options: { keys?: string[]; maxPerKey?: number } & Record<string, unknown> = {},
): { cache: VarietyCache<string, V>; refresher: Refresher<string, V> } {
  const { keys = KEYS, maxPerKey, ...rest } = options;
  const cache = new VarietyCache<string, V>({
    keySpace: keys,
    now: () => Date.now(),
    ...(maxPerKey === undefined ? {} : { maxPerKey }),
  });
  const refresher = new Refresher<string, V>({ cache, producer, ...rest });
  cleanups.push(() => refresher.stop());
  return { cache, refresher };
}

/** A producer that returns a fresh, numbered value per call and counts calls per key. */
function counting(): { producer: Producer<string, string>; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  let serial = 0;
  return {
    calls,
    producer: (key) => {
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return Promise.resolve(`${key}#${++serial}`);
    },
  };
}

function counts(cache: VarietyCache<string, unknown>, keys = KEYS): number[] {
  return keys.map((key) => cache.count(key));
}

interface TraceEvent {
  readonly event: string;
  readonly at: number;
  readonly context: RefreshMessage & { result?: unknown };
}

/** Records the refresh tracing channel's events, with the fake time, for the rest of the test. */
function traceRefresh(): TraceEvent[] {
  const events: TraceEvent[] = [];
  const record = (event: string) => (context: unknown) => {
    events.push({ event, at: Date.now(), context: { ...(context as RefreshMessage) } });
  };
  const handlers = {
    start: record("start"),
    end: record("end"),
    asyncStart: record("asyncStart"),
    asyncEnd: record("asyncEnd"),
    error: record("error"),
  };
  const channel = tracingChannel(CACHE_CHANNELS.refresh);
  channel.subscribe(handlers);
  cleanups.push(() => {
    channel.unsubscribe(handlers);
  });
  return events;
}

describe("generations", () => {
  it("accumulate 3 → 6 → 9 → 12 values per key every 3 hours, then hold at 12", async () => {
    const { producer } = counting();
    const { cache, refresher } = build(producer);
    refresher.start();
    expect(refresher.running).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(counts(cache)).toEqual([3, 3, 3, 3]);
    await vi.advanceTimersByTimeAsync(3 * HOUR - 1);
    expect(counts(cache)).toEqual([3, 3, 3, 3]); // not a millisecond early
    await vi.advanceTimersByTimeAsync(1);
    expect(counts(cache)).toEqual([6, 6, 6, 6]);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(counts(cache)).toEqual([9, 9, 9, 9]);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(counts(cache)).toEqual([12, 12, 12, 12]);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(counts(cache)).toEqual([12, 12, 12, 12]);
    // Holding at 12 means the oldest generation made way for the newest.
    expect(new Set(cache.list({ key: "k0" }).map((e) => e.generation))).toEqual(
      new Set([2, 3, 4, 5]),
    );
    expect(cache.stats()).toMatchObject({ entries: 48, coverage: 1, entryCoverage: 1 });
  });

  it("tags values with the generation id and reports what each generation did", async () => {
    const { producer } = counting();
    const { cache, refresher } = build(producer, { perGeneration: 2 });
    const report = await refresher.runGeneration();
    expect(report).toEqual({
      generation: 1,
      retry: false,
      keys: 4,
      calls: 8,
      added: 8,
      failed: [],
      aborted: false,
      startedAt: Date.now(),
      finishedAt: Date.now(),
    });
    expect(cache.list().every((e) => e.generation === 1)).toBe(true);
    expect((await refresher.runGeneration()).generation).toBe(2);
    expect(cache.stats()).toMatchObject({
      lastGeneration: Date.now(),
      generationInProgress: false,
    });
  });

  it("records the finish time of the last generation on the cache's clock", async () => {
    const { cache, refresher } = build(
      (key) =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            resolve(key);
          }, 5 * SECOND),
        ),
    );
    await vi.advanceTimersByTimeAsync(MINUTE);
    const generation = refresher.runGeneration();
    expect(cache.stats().generationInProgress).toBe(true);
    // 12 calls of 5 s, 5 at a time: three waves, done at 15 s.
    await vi.advanceTimersByTimeAsync(15 * SECOND - 1);
    expect(cache.stats()).toMatchObject({
      generationInProgress: true,
      lastGeneration: undefined,
    });
    await vi.advanceTimersByTimeAsync(1);
    const report = await generation;
    expect(report.startedAt).toBe(MINUTE);
    expect(report.finishedAt).toBe(MINUTE + 15 * SECOND);
    expect(cache.stats()).toMatchObject({
      lastGeneration: MINUTE + 15 * SECOND,
      generationInProgress: false,
    });
  });

  it("with interval 0 runs only the first generation", async () => {
    const { producer, calls } = counting();
    const { refresher } = build(producer, { interval: 0 });
    refresher.start();
    refresher.start(); // a second start does nothing
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(calls.get("k0")).toBe(3);
  });

  it("runs an empty generation when the cache declares no key space", async () => {
    const { producer, calls } = counting();
    const { refresher } = build(producer, { keys: [] });
    expect(await refresher.runGeneration()).toMatchObject({ keys: 0, calls: 0, added: 0 });
    expect(calls.size).toBe(0);
  });
});

describe("bounded concurrency", () => {
  async function maxInFlight(concurrency: number, keys: number, perGeneration: number) {
    let inFlight = 0;
    let peak = 0;
    let durations = 0;
    const keySpace = Array.from({ length: keys }, (_, i) => `key${i}`);
    const { cache, refresher } = build(
      async (key) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        // Uneven call lengths, so slots free up out of order.
        await new Promise((resolve) => setTimeout(resolve, 10 + (durations++ % 7) * 13));
        inFlight--;
        return key;
      },
      { keys: keySpace, concurrency, perGeneration },
    );
    const generation = refresher.runGeneration();
    await vi.advanceTimersByTimeAsync(HOUR);
    const report = await generation;
    expect(report.added).toBe(keys * perGeneration);
    expect(cache.size).toBe(keys * perGeneration);
    expect(inFlight).toBe(0);
    return peak;
  }

  it("never has more producer calls in flight than `concurrency`, and uses all of it", async () => {
    expect(await maxInFlight(4, 10, 3)).toBe(4);
    expect(await maxInFlight(1, 5, 2)).toBe(1);
    expect(await maxInFlight(7, 2, 3)).toBe(6); // fewer calls than slots
  });

  it("defaults to 5", async () => {
    expect(await maxInFlight(5, 8, 3)).toBe(5);
  });
});

describe("failures", () => {
  it("treats a rejection, a synchronous throw and a timeout alike: the key fails", async () => {
    const signals: AbortSignal[] = [];
    const { cache, refresher } = build(
      (key, { signal }) => {
        if (key === "k1") throw new Error("synchronous");
        if (key === "k2") return Promise.reject(new Error("rejected"));
        if (key === "k3") {
          signals.push(signal);
          return new Promise<string>(() => undefined); // never settles
        }
        return key;
      },
      { timeout: 2 * SECOND, perGeneration: 1 },
    );
    const generation = refresher.runGeneration();
    await vi.advanceTimersByTimeAsync(2 * SECOND - 1);
    expect(cache.stats().generationInProgress).toBe(true);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const report = await generation;
    expect(report.failed).toEqual(["k1", "k2", "k3"]);
    expect(report.added).toBe(1);
    expect(signals[0]?.aborted).toBe(true);
    expect((signals[0]?.reason as DOMException).name).toBe("TimeoutError");
    expect(refresher.failedKeys()).toEqual(["k1", "k2", "k3"]);
    expect(cache.stats().failedKeys).toBe(3);
    expect(counts(cache)).toEqual([1, 0, 0, 0]);
  });

  it("retries failed keys after retryInterval and not before, making up only what is missing", async () => {
    const attempts = new Map<string, number>();
    const { cache, refresher } = build(
      (key) => {
        const attempt = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, attempt);
        // k1 fails its whole first generation; k2 fails its second call only.
        if (key === "k1" && attempt <= 3) return Promise.reject(new Error("rate limited"));
        if (key === "k2" && attempt === 2) return Promise.reject(new Error("rate limited"));
        return Promise.resolve(`${key}@${attempt}`);
      },
      { concurrency: 1 },
    );
    const events = traceRefresh();
    refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(counts(cache)).toEqual([3, 0, 2, 3]);
    expect(refresher.failedKeys()).toEqual(["k1", "k2"]);

    await vi.advanceTimersByTimeAsync(30 * MINUTE - 1);
    expect(attempts.get("k1")).toBe(3); // not before the delay
    expect(attempts.get("k2")).toBe(3);

    await vi.advanceTimersByTimeAsync(1);
    expect(attempts.get("k1")).toBe(6);
    expect(attempts.get("k2")).toBe(4);
    expect(attempts.get("k0")).toBe(3); // healthy keys are not retried
    expect(counts(cache)).toEqual([3, 3, 3, 3]);
    expect(refresher.failedKeys()).toEqual([]);
    const retry = events.find((e) => e.event === "start" && e.context.retry);
    expect(retry?.context).toEqual({
      cache: "variety-cache",
      generation: 2,
      retry: true,
      keys: 2,
    });
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(attempts.get("k1")).toBe(6); // nothing left to retry
  });

  it("keeps retrying a key that keeps failing, every retryInterval", async () => {
    const { producer, calls } = counting();
    const { refresher } = build(
      (key, context) =>
        key === "k0" ? Promise.reject(new Error("down")) : producer(key, context),
      { retryInterval: 10 * MINUTE, perGeneration: 1 },
    );
    const events = traceRefresh();
    refresher.start();
    await vi.advanceTimersByTimeAsync(35 * MINUTE);
    const starts = events.filter((e) => e.event === "start");
    expect(starts.map((e) => [e.at / MINUTE, e.context.retry, e.context.keys])).toEqual([
      [0, false, 4],
      [10, true, 1],
      [20, true, 1],
      [30, true, 1],
    ]);
    expect(refresher.failedKeys()).toEqual(["k0"]);
    expect(calls.get("k1")).toBe(1);
  });

  it("does not retry when not started (manual generations only report)", async () => {
    const attempts: string[] = [];
    const { refresher } = build(
      (key) => {
        attempts.push(key);
        return Promise.reject(new Error("no"));
      },
      { perGeneration: 1, keys: ["only"] },
    );
    expect((await refresher.runGeneration()).failed).toEqual(["only"]);
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(attempts).toEqual(["only"]);
  });

  it("skips a retry that falls due while a generation runs; that generation re-arms it", async () => {
    let slow = false;
    const { refresher } = build(
      (key) => {
        if (key === "k0") return Promise.reject(new Error("fails"));
        if (!slow) return key;
        return new Promise<string>((resolve) =>
          setTimeout(() => {
            resolve(key);
          }, 45 * MINUTE),
        );
      },
      { perGeneration: 1, interval: HOUR, retryInterval: 10 * MINUTE, timeout: HOUR },
    );
    const events = traceRefresh();
    refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    slow = true;
    await vi.advanceTimersByTimeAsync(116 * MINUTE);
    const starts = events.filter((e) => e.event === "start");
    // Retries every 10 min until the 60-min generation, which takes 45 min: the retry due at 60
    // is skipped, none runs before that generation ends at 105, and its end re-arms one for 115.
    expect(starts.map((e) => [e.at / MINUTE, e.context.retry])).toEqual([
      [0, false],
      [10, true],
      [20, true],
      [30, true],
      [40, true],
      [50, true],
      [60, false],
      [115, true],
    ]);
    const order = events.filter((e) => e.event === "start" || e.event === "asyncEnd");
    expect(order.map((e) => e.event)).toEqual(
      order.map((_e, i) => (i % 2 === 0 ? "start" : "asyncEnd")),
    );
  });
});

describe("never two generations at once", () => {
  it("runGeneration during a generation returns the running one", async () => {
    const { refresher } = build(
      (key) =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            resolve(key);
          }, SECOND),
        ),
    );
    const first = refresher.runGeneration();
    expect(refresher.runGeneration()).toBe(first);
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    const report = await first;
    expect(report.generation).toBe(1);
    const second = refresher.runGeneration();
    expect(second).not.toBe(first);
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect((await second).generation).toBe(2);
  });

  it("skips an interval tick that finds the previous generation still running", async () => {
    let inFlight = 0;
    let peak = 0;
    const { producer, calls } = counting();
    const { refresher } = build(
      async (key, context) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 90 * MINUTE)); // longer than interval
        inFlight--;
        return producer(key, context);
      },
      { interval: HOUR, concurrency: Infinity, timeout: Infinity },
    );
    const events = traceRefresh();
    refresher.start();
    await vi.advanceTimersByTimeAsync(60 * MINUTE); // tick at 60 min: generation 1 still running
    expect(events.filter((e) => e.event === "start")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60 * MINUTE); // gen 1 ended at 90 min; tick at 120 min runs
    expect(events.filter((e) => e.event === "start")).toHaveLength(2);
    expect(peak).toBe(12);
    expect(calls.get("k0")).toBe(3);
  });
});

describe("stop", () => {
  it("aborts in-flight calls through their signal, stores nothing, and records no failure", async () => {
    const signals: AbortSignal[] = [];
    const { cache, refresher } = build(
      (_key, { signal }) => {
        signals.push(signal);
        return new Promise<string>(() => undefined); // only the signal can end it
      },
      { concurrency: 3 },
    );
    const generation = refresher.runGeneration();
    refresher.start(); // already running: joins it, schedules the interval
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(3);
    expect(signals.some((s) => s.aborted)).toBe(false);
    await refresher.stop();
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect((signals[0]?.reason as DOMException).name).toBe("AbortError");
    const report = await generation;
    expect(report).toMatchObject({ aborted: true, calls: 3, added: 0, failed: [] });
    expect(refresher.running).toBe(false);
    expect(cache.stats()).toMatchObject({
      entries: 0,
      failedKeys: 0,
      generationInProgress: false,
      lastGeneration: undefined,
    });
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(signals).toHaveLength(3); // the schedule is gone
  });

  it("drops the value of a producer that ignores its signal and resolves late", async () => {
    const pending: Deferred<string>[] = [];
    const { cache, refresher } = build(
      () => {
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      { keys: ["k"], perGeneration: 1 },
    );
    const generation = refresher.runGeneration();
    await vi.advanceTimersByTimeAsync(0);
    await refresher.stop();
    pending[0]?.resolve("late");
    await generation;
    await vi.advanceTimersByTimeAsync(0);
    expect(cache.count("k")).toBe(0);
  });

  it("aborts live getOrGenerate calls too, and can start again afterwards", async () => {
    let signal: AbortSignal | undefined;
    const { producer } = counting();
    const { cache, refresher } = build((key, context) => {
      if (key === "live") {
        signal = context.signal;
        return new Promise<string>(() => undefined);
      }
      return producer(key, context);
    });
    const live = refresher.getOrGenerate("live");
    await refresher.stop();
    await expect(live).rejects.toMatchObject({ name: "AbortError" });
    expect(signal?.aborted).toBe(true);
    refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(counts(cache)).toEqual([3, 3, 3, 3]);
  });

  it("is what await using calls", async () => {
    const signals: AbortSignal[] = [];
    const cache = new VarietyCache<string, string>({ keySpace: ["a"] });
    {
      await using refresher = new Refresher<string, string>({
        cache,
        producer: (_key, { signal }) => {
          signals.push(signal);
          return new Promise<string>(() => undefined);
        },
      });
      refresher.start();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});

describe("timers", () => {
  it("are all unref'd, so a refresher never keeps the process alive", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const { refresher } = build(
      (key) =>
        key === "k0" ? Promise.reject(new Error("x")) : new Promise<string>(() => undefined),
      { timeout: MINUTE },
    );
    refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    const handles = spy.mock.results.map((r) => r.value as NodeJS.Timeout);
    expect(handles.length).toBeGreaterThanOrEqual(2); // the interval and the call timeouts
    expect(handles.every((handle) => !handle.hasRef())).toBe(true);
    await vi.advanceTimersByTimeAsync(MINUTE); // timeouts fire; the retry timer is armed
    const later = spy.mock.results.map((r) => r.value as NodeJS.Timeout);
    expect(later.every((handle) => !handle.hasRef())).toBe(true);
  });

  it("with timeout Infinity sets no timer per call", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const { refresher } = build((key) => key, { timeout: Infinity });
    await refresher.runGeneration();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("tracing", () => {
  it("emits one trace per generation on ladder:cache:refresh, with its report as result", async () => {
    const events = traceRefresh();
    const { producer } = counting();
    const { refresher } = build(producer, { keys: ["a", "b"], perGeneration: 1 });
    await refresher.runGeneration();
    await refresher.runGeneration();
    expect(events.map((e) => e.event)).toEqual([
      "start",
      "end",
      "asyncStart",
      "asyncEnd",
      "start",
      "end",
      "asyncStart",
      "asyncEnd",
    ]);
    expect(events[0]?.context).toEqual({
      cache: "variety-cache",
      generation: 1,
      retry: false,
      keys: 2,
    });
    const result = events[3]?.context.result as GenerationReport<string>;
    expect(result).toMatchObject({ generation: 1, added: 2, failed: [] });
    expect(events[4]?.context.generation).toBe(2);
  });

  it("costs nothing without subscribers", async () => {
    const spy = vi.spyOn(tracingChannel(CACHE_CHANNELS.refresh), "tracePromise");
    const { producer } = counting();
    const { refresher } = build(producer);
    await refresher.runGeneration();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("regenerateAll and clear", () => {
  it("regenerateAll empties the cache and runs a fresh generation", async () => {
    const { producer } = counting();
    const { cache, refresher } = build(producer);
    await refresher.runGeneration();
    await refresher.runGeneration();
    expect(counts(cache)).toEqual([6, 6, 6, 6]);
    const report = await refresher.regenerateAll();
    expect(report).toMatchObject({ generation: 3, added: 12, aborted: false });
    expect(counts(cache)).toEqual([3, 3, 3, 3]);
    expect(cache.list({ limit: Infinity }).every((e) => e.generation === 3)).toBe(true);
  });

  it("regenerateAll aborts a running generation first, so the two never overlap", async () => {
    const signals: AbortSignal[] = [];
    let hang = true;
    const { cache, refresher } = build((key, { signal }) => {
      signals.push(signal);
      return hang ? new Promise<string>(() => undefined) : key;
    });
    const first = refresher.runGeneration();
    await vi.advanceTimersByTimeAsync(0);
    hang = false;
    const fresh = await refresher.regenerateAll();
    expect((await first).aborted).toBe(true);
    expect(signals.slice(0, 5).every((s) => s.aborted)).toBe(true);
    expect(fresh).toMatchObject({ generation: 2, added: 12 });
    expect(counts(cache)).toEqual([3, 3, 3, 3]);
  });

  it("clear empties the cache, forgets failed keys and cancels their retry", async () => {
    const attempts: string[] = [];
    const { cache, refresher } = build(
      (key) => {
        attempts.push(key);
        return key === "k0" ? Promise.reject(new Error("x")) : Promise.resolve(key);
      },
      { perGeneration: 1 },
    );
    refresher.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresher.failedKeys()).toEqual(["k0"]);
    refresher.clear();
    expect(cache.size).toBe(0);
    expect(refresher.failedKeys()).toEqual([]);
    expect(cache.stats().failedKeys).toBe(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(attempts.filter((k) => k === "k0")).toHaveLength(1); // no retry
  });

  it("drops values of calls that were in flight when the cache was cleared", async () => {
    const pending: Deferred<string>[] = [];
    const { cache, refresher } = build(
      () => {
        const d = deferred<string>();
        pending.push(d);
        return d.promise;
      },
      { keys: ["a", "b"], perGeneration: 1, concurrency: 1 },
    );
    const generation = refresher.runGeneration();
    await vi.advanceTimersByTimeAsync(0);
    cache.clear(); // a's call is in flight
    pending[0]?.resolve("stale");
    await vi.advanceTimersByTimeAsync(0);
    pending[1]?.resolve("fresh"); // b's call started after the clear
    const report = await generation;
    expect(report).toMatchObject({ added: 1, failed: [], aborted: false });
    expect(cache.list().map((e) => e.value)).toEqual(["fresh"]);
  });
});

describe("getOrGenerate", () => {
  it("returns a cached value, picked at random, without calling the producer", async () => {
    const producer = vi.fn<Producer<string, string>>((key) => key);
    const { cache, refresher } = build(producer);
    cache.add("k0", "cached");
    await expect(refresher.getOrGenerate("k0")).resolves.toBe("cached");
    expect(producer).not.toHaveBeenCalled();
  });

  it("makes a missing value live once however many callers wait, and stores it", async () => {
    const pending = deferred<string>();
    const producer = vi.fn<Producer<string, string>>(() => pending.promise);
    const { cache, refresher } = build(producer);
    const waiters = [1, 2, 3].map(() => refresher.getOrGenerate("outside the key space"));
    expect(producer).toHaveBeenCalledTimes(1);
    pending.resolve("generated");
    expect(await Promise.all(waiters)).toEqual(["generated", "generated", "generated"]);
    expect(cache.list({ key: "outside the key space" })).toMatchObject([
      { value: "generated", generation: 0 },
    ]);
    await expect(refresher.getOrGenerate("outside the key space")).resolves.toBe("generated");
    expect(producer).toHaveBeenCalledTimes(1);
  });

  it("shares one call per key identity, so equal tuples wait together", async () => {
    const cache = new VarietyCache<[string, number], string>();
    const producer = vi.fn<Producer<[string, number], string>>(([language, lines]) =>
      Promise.resolve(`${language}:${lines}`),
    );
    const refresher = new Refresher({ cache, producer });
    const [a, b] = await Promise.all([
      refresher.getOrGenerate(["go", 10]),
      refresher.getOrGenerate(["go", 10]),
    ]);
    expect(a).toBe("go:10");
    expect(b).toBe("go:10");
    expect(producer).toHaveBeenCalledTimes(1);
    expect(cache.count(["go", 10])).toBe(1);
  });

  it("rejects every waiter when the call fails, stores nothing, and tries again next time", async () => {
    let attempt = 0;
    const { cache, refresher } = build((key) => {
      attempt++;
      if (attempt === 1) throw new Error("synchronous failure");
      return Promise.resolve(`${key}@${attempt}`);
    });
    const waiters = [refresher.getOrGenerate("k"), refresher.getOrGenerate("k")];
    for (const waiter of waiters) await expect(waiter).rejects.toThrow("synchronous failure");
    expect(cache.count("k")).toBe(0);
    await expect(refresher.getOrGenerate("k")).resolves.toBe("k@2");
  });

  it("cuts a call that never settles at the timeout", async () => {
    let signal: AbortSignal | undefined;
    const { cache, refresher } = build(
      (_key, context) => {
        signal = context.signal;
        return new Promise<string>(() => undefined);
      },
      { timeout: 5 * SECOND },
    );
    const live = refresher.getOrGenerate("k");
    const outcome = expect(live).rejects.toMatchObject({ name: "TimeoutError" });
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    await outcome;
    expect(signal?.aborted).toBe(true);
    expect(cache.count("k")).toBe(0);
  });

  it("drops a live value that lands after clear", async () => {
    const pending = deferred<string>();
    const { cache, refresher } = build(() => pending.promise);
    const live = refresher.getOrGenerate("k");
    refresher.clear();
    pending.resolve("stale");
    await expect(live).resolves.toBe("stale");
    expect(cache.count("k")).toBe(0);
  });

  it("throws synchronously for a key the cache cannot identify", () => {
    const cache = new VarietyCache<object, string>();
    const refresher = new Refresher<object, string>({ cache, producer: () => "x" });
    expect(() => refresher.getOrGenerate({})).toThrow(TypeError);
  });
});

describe("options", () => {
  const cacheOf = (maxPerKey = 12) => new VarietyCache<string, string>({ maxPerKey });
  const producer: Producer<string, string> = (key) => key;

  it.each([
    [
      "perGeneration above maxPerKey",
      { perGeneration: 13 },
      RangeError,
      /`perGeneration` must not exceed the cache's `maxPerKey` \(12\)/,
    ],
    ["perGeneration 0", { perGeneration: 0 }, RangeError, /`perGeneration`/],
    ["perGeneration Infinity", { perGeneration: Infinity }, RangeError, /`perGeneration`/],
    ["perGeneration not a number", { perGeneration: "3" }, TypeError, /`perGeneration`/],
    ["concurrency 0", { concurrency: 0 }, RangeError, /`concurrency`/],
    ["timeout 0", { timeout: 0 }, RangeError, /`timeout` must be a positive/],
    ["timeout negative", { timeout: -5 }, RangeError, /`timeout`/],
    ["interval NaN", { interval: NaN }, RangeError, /`interval`/],
    ["retryInterval negative", { retryInterval: -1 }, RangeError, /`retryInterval`/],
    ["an unknown option", { retries: 3 }, TypeError, /unknown option `retries`/],
  ])("rejects %s", (_name, extra, type, message) => {
    const construct = () => new Refresher({ cache: cacheOf(), producer, ...(extra as object) });
    expect(construct).toThrow(type);
    expect(construct).toThrow(message);
    expect(construct).toThrow(/^Refresher: /);
  });

  it("rejects a producer that is not a function", () => {
    expect(() => new Refresher({ cache: cacheOf(), producer: "gemini" as never })).toThrow(
      /^Refresher: option `producer` must be a function/,
    );
    expect(() => new Refresher({ cache: cacheOf() } as never)).toThrow(TypeError);
  });

  it("rejects a cache that is not a VarietyCache, and a second refresher for one cache", () => {
    expect(() => new Refresher({ cache: new Map() as never, producer })).toThrow(
      /option `cache` must be a VarietyCache/,
    );
    expect(() => new Refresher(undefined as never)).toThrow(/option `cache`/);
    const cache = cacheOf();
    new Refresher({ cache, producer });
    expect(() => new Refresher({ cache, producer })).toThrow(
      /already filled by another Refresher/,
    );
  });

  it("lets a failed construction leave the cache free for a correct one", () => {
    const cache = cacheOf(2);
    expect(() => new Refresher({ cache, producer })).toThrow(/`perGeneration`/); // 3 > 2
    expect(() => new Refresher({ cache, producer, perGeneration: 2 })).not.toThrow();
  });
});
