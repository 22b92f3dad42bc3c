// runPool: the bounded-concurrency helper behind Refresher generations.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runPool } from "../src/run-pool.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const wait = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

describe("runPool", () => {
  it("starts items in order and refills a slot as soon as it frees, never exceeding the bound", async () => {
    const started: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const done = runPool([30, 10, 10, 10, 10], 2, async (ms) => {
      started.push(ms);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await wait(ms);
      inFlight--;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toEqual([30, 10, 10]); // the second slot freed at 10 ms; the first still busy
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(started).toHaveLength(5);
    expect(peak).toBe(2);
  });

  it("does nothing for no items", async () => {
    const worker = vi.fn(() => Promise.resolve());
    await runPool([], 3, worker);
    expect(worker).not.toHaveBeenCalled();
  });

  it("starts nothing more once its signal aborts, and waits for running calls", async () => {
    const controller = new AbortController();
    const finished: number[] = [];
    const done = runPool(
      [1, 2, 3, 4],
      2,
      async (item) => {
        await wait(10);
        finished.push(item);
      },
      controller.signal,
    );
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(finished).toEqual([1, 2]);
  });

  it("rejects with the first worker error after running calls finish, starting nothing new", async () => {
    const started: number[] = [];
    const done = runPool([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await wait(item * 10);
      if (item <= 2) throw new Error(`failed ${item}`);
    });
    const outcome = expect(done).rejects.toThrow("failed 1");
    await vi.advanceTimersByTimeAsync(1000);
    await outcome;
    expect(started).toEqual([1, 2]);
  });
});
