// Bad options fail at construction with an error that names the option and the fix; nothing
// connects before the options are checked.
import { describe, expect, it } from "vitest";
import { RedisCache } from "../../src/redis/index.js";
import type { RedisCacheOptions } from "../../src/redis/index.js";
import { loadIoredis, MISSING_CLIENT_CODE } from "../../src/redis/create-client.js";

const url = "redis://127.0.0.1:1";
const make = (options: unknown) => () => new RedisCache(options as RedisCacheOptions<unknown>);

describe("RedisCache options", () => {
  it.each([
    ["no options", undefined, TypeError, /options are required/],
    ["an unknown option", { url, namespace: "n", tll: 1 }, TypeError, /unknown option `tll`/],
    [
      "neither url nor client",
      { namespace: "n" },
      TypeError,
      /exactly one of `url`.*received neither/,
    ],
    ["both url and client", { url, client: {}, namespace: "n" }, TypeError, /received both/],
    [
      "a url of another scheme",
      { url: "http://x", namespace: "n" },
      TypeError,
      /redis:\/\/ or rediss:\/\//,
    ],
    ["a client that is not ioredis", { client: {}, namespace: "n" }, TypeError, /ioredis client/],
    ["no namespace", { url }, TypeError, /`namespace` must be a non-empty string/],
    ["a namespace with braces", { url, namespace: "a{b}" }, TypeError, /may not contain `\{`/],
    ["a negative ttl", { url, namespace: "n", ttl: -1 }, RangeError, /`ttl`/],
    ["a null ttl", { url, namespace: "n", ttl: null }, TypeError, /`ttl` must be a number/],
    ["a zero lockTtl", { url, namespace: "n", lockTtl: 0 }, RangeError, /`lockTtl`.*from 1 up/],
    [
      "an infinite commandTimeout",
      { url, namespace: "n", commandTimeout: Infinity },
      RangeError,
      /`commandTimeout`/,
    ],
    [
      "a fractional breakerThreshold",
      { url, namespace: "n", breakerThreshold: 1.5 },
      RangeError,
      /`breakerThreshold`/,
    ],
    [
      "local: true",
      { url, namespace: "n", local: true },
      TypeError,
      /`local` must be TtlCache options or false/,
    ],
    [
      "bad local options",
      { url, namespace: "n", local: { tll: 1 } },
      TypeError,
      /option `local`: TtlCache: unknown option `tll`/,
    ],
    [
      "a bad local ttl",
      { url, namespace: "n", local: { ttl: -1 } },
      RangeError,
      /option `local`:.*`ttl`/,
    ],
    [
      "a serializer without deserialize",
      { url, namespace: "n", serializer: { serialize: String } },
      TypeError,
      /`serializer.deserialize` must be a function/,
    ],
    [
      "a clock that is not a function",
      { url, namespace: "n", now: 5 },
      TypeError,
      /`now` must be a function/,
    ],
  ])("rejects %s", (_, options, kind, message) => {
    expect(make(options)).toThrow(kind);
    expect(make(options)).toThrow(message);
  });

  it("says how to install ioredis when it is missing", () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'ioredis'"), {
        code: "MODULE_NOT_FOUND",
      });
    };
    expect(() => loadIoredis(missing)).toThrow(/install it with `npm install ioredis`/);
    try {
      loadIoredis(missing);
    } catch (error) {
      expect((error as { code?: string }).code).toBe(MISSING_CLIENT_CODE);
    }
    const broken = () => {
      throw new SyntaxError("broken install");
    };
    expect(() => loadIoredis(broken)).toThrow(SyntaxError);
  });
});
