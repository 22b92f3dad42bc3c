// The seed's UserCache ExUnit suite (seed 000), ported case by case. Where the seed slept, these
// tests move an injected clock; where the seed's behaviour was a known weakness (keys/size listing
// expired entries), the spec's fixed behaviour is asserted and the case says so.
import { describe, expect, it, vi } from "vitest";
import { TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

interface User {
  name: string;
}

function setup(): {
  cache: TtlCache<unknown, unknown>;
  clock: ReturnType<typeof createFakeClock>;
} {
  const clock = createFakeClock();
  const cache = new TtlCache<unknown, unknown>({ ttl: 1000, sweepInterval: 100, now: clock.now });
  return { cache, clock };
}

describe("get", () => {
  it("returns the value for an existing non-expired key", () => {
    const { cache } = setup();
    cache.set("user1", { name: "Alice" });
    expect(cache.get("user1")).toEqual({ name: "Alice" });
  });

  it("returns undefined for a non-existent key", () => {
    const { cache } = setup();
    expect(cache.get("nonexistent")).toBeUndefined();
  });

  it("returns undefined for an expired key", () => {
    const { cache, clock } = setup();
    cache.set("user1", { name: "Alice" }, { ttl: 10 });
    clock.advance(50);
    expect(cache.get("user1")).toBeUndefined();
  });

  it("handles symbol keys (the seed's atom keys)", () => {
    const { cache } = setup();
    const userAtom = Symbol("user_atom");
    cache.set(userAtom, { name: "Bob" });
    expect(cache.get(userAtom)).toEqual({ name: "Bob" });
    expect(cache.get(Symbol("user_atom"))).toBeUndefined();
  });
});

describe("set", () => {
  it("stores a value with the default TTL, which then expires it", () => {
    const { cache, clock } = setup();
    cache.set("user1", { name: "Alice" });
    clock.advance(999);
    expect(cache.get("user1")).toEqual({ name: "Alice" });
    clock.advance(1);
    expect(cache.get("user1")).toBeUndefined();
  });

  it("stores a value with a custom TTL", () => {
    const { cache, clock } = setup();
    cache.set("user1", { name: "Alice" }, { ttl: 5000 });
    clock.advance(4999);
    expect(cache.get("user1")).toEqual({ name: "Alice" });
  });

  it("overwrites an existing key, value and TTL", () => {
    const { cache, clock } = setup();
    cache.set("user1", { name: "Alice" }, { ttl: 10 });
    cache.set("user1", { name: "Bob" });
    clock.advance(500);
    expect(cache.get("user1")).toEqual({ name: "Bob" });
  });

  it("accepts any value type and never clones it", () => {
    const { cache } = setup();
    const list = [1, 2, 3];
    const map = new Map([["a", 1]]);
    const tuple = ["ok", "value"] as const;
    cache.set("string", "hello").set("list", list).set("map", map).set("tuple", tuple);
    expect(cache.get("string")).toBe("hello");
    expect(cache.get("list")).toBe(list);
    expect(cache.get("map")).toBe(map);
    expect(cache.get("tuple")).toBe(tuple);
  });
});

describe("delete", () => {
  it("removes an existing key", () => {
    const { cache } = setup();
    cache.set("user1", { name: "Alice" });
    expect(cache.delete("user1")).toBe(true);
    expect(cache.get("user1")).toBeUndefined();
  });

  it("succeeds (returning false) for a non-existent key", () => {
    const { cache } = setup();
    expect(cache.delete("nonexistent")).toBe(false);
  });
});

describe("keys", () => {
  it("returns all cache keys", () => {
    const { cache } = setup();
    cache.set("user1", { name: "Alice" }).set("user2", { name: "Bob" });
    const keys = [...cache.keys()];
    expect(keys).toHaveLength(2);
    expect(keys).toContain("user1");
    expect(keys).toContain("user2");
  });

  it("returns an empty list for an empty cache", () => {
    const { cache } = setup();
    expect([...cache.keys()]).toEqual([]);
  });

  it("excludes expired keys (the seed listed them until cleanup; the spec fixes that)", () => {
    const { cache, clock } = setup();
    cache.set("user1", { name: "Alice" }, { ttl: 10 });
    clock.advance(50);
    expect([...cache.keys()]).toEqual([]);
  });
});

describe("size", () => {
  it("returns the count of entries", () => {
    const { cache } = setup();
    expect(cache.size).toBe(0);
    cache.set("user1", { name: "Alice" });
    expect(cache.size).toBe(1);
    cache.set("user2", { name: "Bob" });
    expect(cache.size).toBe(2);
  });
});

describe("clear", () => {
  it("removes all entries", () => {
    const { cache } = setup();
    cache.set("user1", { name: "Alice" }).set("user2", { name: "Bob" });
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get("user1")).toBeUndefined();
    expect(cache.get("user2")).toBeUndefined();
  });
});

describe("automatic cleanup", () => {
  it("removes expired entries on cleanup and keeps active ones", () => {
    vi.useFakeTimers();
    try {
      const cache = new TtlCache<string, User>({ ttl: 1000, sweepInterval: 100, now: Date.now });
      cache.set("user1", { name: "Alice" }, { ttl: 50 });
      cache.set("user2", { name: "Bob" }, { ttl: 5000 });
      vi.advanceTimersByTime(200);
      expect(cache.size).toBe(1);
      expect(cache.get("user1")).toBeUndefined();
      expect(cache.get("user2")).toEqual({ name: "Bob" });
      cache.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it("runs periodically", () => {
    vi.useFakeTimers();
    try {
      const cache = new TtlCache<string, User>({ ttl: 1000, sweepInterval: 100, now: Date.now });
      cache.set("user1", { name: "Alice" }, { ttl: 50 });
      cache.set("user2", { name: "Bob" }, { ttl: 160 });
      expect(cache.size).toBe(2);
      vi.advanceTimersByTime(100);
      expect(cache.size).toBe(1);
      vi.advanceTimersByTime(100);
      expect(cache.size).toBe(0);
      expect(cache.stats().expirations).toBe(2);
      cache.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("concurrent access", () => {
  it("handles interleaved async reads and writes", async () => {
    const { cache } = setup();
    const tasks = Array.from({ length: 50 }, async (_, i) => {
      await Promise.resolve();
      const key = `user${i % 10}`;
      cache.set(key, { name: `User ${i}` });
      await Promise.resolve();
      return cache.get(key);
    });
    const results = await Promise.all(tasks);
    expect(results).toHaveLength(50);
    for (const result of results) expect(result).toHaveProperty("name");
    expect(cache.size).toBe(10);
  });
});

describe("edge cases", () => {
  it("handles an empty string key", () => {
    const { cache } = setup();
    cache.set("", { name: "Empty" });
    expect(cache.get("")).toEqual({ name: "Empty" });
  });

  it("handles very long keys", () => {
    const { cache } = setup();
    const longKey = "a".repeat(10_000);
    cache.set(longKey, { name: "Long" });
    expect(cache.get(longKey)).toEqual({ name: "Long" });
  });

  it("handles null and undefined values, told apart from a miss by has()", () => {
    const { cache } = setup();
    cache.set("nil_value", null).set("undefined_value", undefined);
    expect(cache.get("nil_value")).toBeNull();
    expect(cache.get("undefined_value")).toBeUndefined();
    expect(cache.has("undefined_value")).toBe(true);
    expect(cache.has("missing")).toBe(false);
    expect(cache.stats().hits).toBe(2);
  });

  it("handles null and undefined keys", () => {
    const { cache } = setup();
    cache.set(null, "null key").set(undefined, "undefined key");
    expect(cache.get(null)).toBe("null key");
    expect(cache.get(undefined)).toBe("undefined key");
  });

  it("treats zero TTL as already expired", () => {
    const { cache } = setup();
    cache.set("user1", { name: "Alice" }, { ttl: 0 });
    expect(cache.get("user1")).toBeUndefined();
    expect(cache.stats()).toMatchObject({ expirations: 1, misses: 1, size: 0 });
  });

  it("never expires an Infinity TTL", () => {
    const { cache, clock } = setup();
    cache.set("forever", 1, { ttl: Infinity });
    clock.advance(Number.MAX_SAFE_INTEGER);
    expect(cache.get("forever")).toBe(1);
  });

  it("keeps numeric keys apart from numeric-string keys, and handles __proto__", () => {
    const { cache } = setup();
    cache.set(1, "number").set("1", "string").set("__proto__", "proto");
    expect(cache.get(1)).toBe("number");
    expect(cache.get("1")).toBe("string");
    expect(cache.get("__proto__")).toBe("proto");
    expect(cache.size).toBe(3);
  });
});
