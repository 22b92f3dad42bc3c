// Held locks are renewed by one timer per cache, which exists only while a lock is held.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LockRenewer } from "../../src/redis/lock-renewer.js";

describe("LockRenewer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("renews every held lock each interval, with one timer for all", () => {
    const renewed: string[] = [];
    const renewer = new LockRenewer(100, (key, token) => renewed.push(`${key}/${token}`));
    const stopA = renewer.hold("a", "t1");
    renewer.hold("b", "t2");
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(99);
    expect(renewed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(renewed).toEqual(["a/t1", "b/t2"]);
    stopA();
    vi.advanceTimersByTime(100);
    expect(renewed).toEqual(["a/t1", "b/t2", "b/t2"]);
  });

  it("holds no timer once no lock is held, and starts one again for the next", () => {
    const renewer = new LockRenewer(100, () => undefined);
    const stop = renewer.hold("a", "t");
    stop();
    expect(vi.getTimerCount()).toBe(0);
    renewer.hold("b", "t");
    expect(vi.getTimerCount()).toBe(1);
  });
});
