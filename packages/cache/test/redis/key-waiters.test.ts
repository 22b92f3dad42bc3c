// Waiting for another process's load: woken by a notification, else by a growing poll delay.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, KeyWaiters } from "../../src/redis/key-waiters.js";

describe("backoffDelay", () => {
  it.each([
    [0, 0, 4],
    [0, 0.999_999, 8],
    [1, 0, 8],
    [2, 0.5, 24],
    [5, 0, 128],
    [6, 0, 128],
    [60, 0.999_999, 256],
  ])(
    "attempt %i with random %d waits %d ms (doubling from 8 to 256, upper half)",
    (attempt, random, ms) => {
      expect(backoffDelay(attempt, () => random)).toBeCloseTo(ms, 3);
    },
  );
});

describe("KeyWaiters", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a wait ends when its delay runs out", async () => {
    const waiter = new KeyWaiters().register("k");
    let done = false;
    void waiter.wait(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it("a notification of its key ends it at once; other keys do not", async () => {
    const waiters = new KeyWaiters();
    const waiter = waiters.register("k");
    let done = false;
    void waiter.wait(10_000).then(() => (done = true));
    waiters.notify("other");
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    waiters.notify("k");
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps a notification that came before the wait, so none is lost", async () => {
    const waiters = new KeyWaiters();
    const waiter = waiters.register("k");
    waiters.notify("k");
    let done = false;
    void waiter.wait(10_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it("notifyAll wakes every key; a disposed waiter hears nothing", async () => {
    const waiters = new KeyWaiters();
    const a = waiters.register("a");
    const b = waiters.register("b");
    const gone = waiters.register("a");
    gone.dispose();
    const woken: string[] = [];
    void a.wait(10_000).then(() => woken.push("a"));
    void b.wait(10_000).then(() => woken.push("b"));
    waiters.notifyAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(woken.sort()).toEqual(["a", "b"]);
    let heard = false;
    void gone.wait(50).then(() => (heard = true));
    waiters.notify("a");
    await vi.advanceTimersByTimeAsync(49);
    expect(heard).toBe(false);
  });
});
