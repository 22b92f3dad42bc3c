// Bad input: every invalid option throws a TypeError or RangeError that names the option and what
// it expects, and leaves the cache unchanged.
import { describe, expect, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { TtlCacheOptions } from "../src/index.js";

type AnyOptions = TtlCacheOptions<unknown, unknown>;
const construct = (options: unknown) => () => new TtlCache(options as AnyOptions);

describe("constructor options", () => {
  it.each([
    [{ ttl: -1 }, RangeError, /`ttl` must be a non-negative number of milliseconds.*received -1/],
    [{ ttl: Number.NaN }, RangeError, /`ttl`.*received NaN/],
    [
      { ttl: "5000" },
      TypeError,
      /`ttl` must be a number of milliseconds; received the string "5000"/,
    ],
    [{ maxEntries: 0 }, RangeError, /`maxEntries` must be a whole number from 1 up.*received 0/],
    [{ maxEntries: 2.5 }, RangeError, /`maxEntries`.*received 2.5/],
    [{ maxEntries: null }, TypeError, /`maxEntries` must be a number; received null/],
    [{ sweepInterval: -5 }, RangeError, /`sweepInterval`.*received -5/],
    [{ now: 42 }, TypeError, /`now` must be a function; received number 42/],
    [{ now: () => "soon" }, TypeError, /`now` must return a finite number.*the string "soon"/],
    [
      { now: Reflect.get(performance, "now") },
      TypeError,
      /`now` threw when called without a receiver/,
    ],
    [{ name: "" }, TypeError, /`name` must be a non-empty string/],
    [{ onEvict: "log" }, TypeError, /`onEvict` must be a function/],
    [{ tll: 100 }, TypeError, /unknown option `tll`; expected one of `ttl`, `maxEntries`/],
    [[], TypeError, /options must be an object; received an array/],
    [null, TypeError, /options must be an object; received null/],
  ])("rejects %j", (options, errorType, message) => {
    expect(construct(options)).toThrow(errorType);
    expect(construct(options)).toThrow(message);
  });

  it("prefixes every message with the class name", () => {
    expect(construct({ ttl: -1 })).toThrow(/^TtlCache: /);
  });

  it("accepts Infinity for ttl, maxEntries and sweepInterval, and 0 for ttl and sweepInterval", () => {
    expect(
      construct({ ttl: Infinity, maxEntries: Infinity, sweepInterval: Infinity }),
    ).not.toThrow();
    expect(construct({ ttl: 0, sweepInterval: 0 })).not.toThrow();
  });

  it("treats an explicitly undefined option as absent", () => {
    expect(construct({ ttl: undefined, onEvict: undefined })).not.toThrow();
  });
});

describe("per-call options", () => {
  it("rejects a bad ttl in set() and leaves the cache unchanged", () => {
    const cache = new TtlCache<string, number>();
    cache.set("a", 1);
    expect(() => cache.set("a", 2, { ttl: -1 })).toThrow(RangeError);
    expect(() => cache.set("b", 2, { ttl: Number.NaN })).toThrow(/`ttl`/);
    expect(() => cache.set("b", 2, { ttl: "1" as unknown as number })).toThrow(TypeError);
    expect(() => cache.set("b", 2, { tll: 1 } as never)).toThrow(/unknown option `tll`/);
    expect(cache.get("a")).toBe(1);
    expect(cache.has("b")).toBe(false);
    expect(cache.stats().sets).toBe(1);
  });

  it("rejects a bad ttl or loader in fetch() synchronously, before calling the loader", () => {
    const cache = new TtlCache<string, number>();
    let calls = 0;
    const loader = () => ++calls;
    expect(() => cache.fetch("a", loader, { ttl: -1 })).toThrow(RangeError);
    expect(() => cache.fetch("a", "load" as never)).toThrow(/`loader` must be a function/);
    expect(calls).toBe(0);
    expect(cache.stats().misses).toBe(0);
  });
});
