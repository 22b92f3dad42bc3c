// The default clock is coarse: it stands still within a task and moves on after it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TtlCache } from "../src/index.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the default clock of a TtlCache", () => {
  it("expires an entry once its TTL has passed and the task that stored it has ended", async () => {
    const cache = new TtlCache<string, number>({ sweepInterval: 0 });
    cache.set("soon", 1, { ttl: 10 });
    vi.advanceTimersByTime(20);
    await Promise.resolve();
    expect(cache.get("soon")).toBeUndefined();
    expect(cache.stats().expirations).toBe(1);
  });

  it("keeps an entry that is still within its TTL", async () => {
    const cache = new TtlCache<string, number>({ sweepInterval: 0 });
    cache.set("later", 1, { ttl: 100 });
    vi.advanceTimersByTime(20);
    await Promise.resolve();
    expect(cache.get("later")).toBe(1);
  });
});
