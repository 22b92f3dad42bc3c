// RedisCache against a real redis-server. Two caches on one namespace stand for two processes:
// each has its own connections and its own origin, so they talk only through Redis.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { REDIS_CHANNELS, RedisCache } from "../../src/redis/index.js";
import type {
  RedisCacheOptions,
  RedisCorruptMessage,
  RedisHitMessage,
  RedisInvalidateMessage,
  RedisLockWaitMessage,
} from "../../src/redis/index.js";
import { deferred } from "../support/deferred.js";
import { createFakeClock } from "../support/fake-clock.js";
import {
  nextMessage,
  rawClient,
  Recording,
  skipRedis,
  uniqueNamespace,
  untilSubscribed,
  useRedisServer,
} from "../support/redis-harness.js";

interface User {
  name: string;
  since?: Date;
}

describe.skipIf(skipRedis)("RedisCache", () => {
  const server = useRedisServer();
  const open: RedisCache<unknown>[] = [];
  let raw: ReturnType<typeof rawClient> | undefined;
  const redis = () => (raw ??= rawClient(server()));

  afterEach(async () => {
    await Promise.all(open.splice(0).map((cache) => cache.close()));
  });
  afterAll(() => {
    raw?.disconnect();
  });

  /** Caches on one namespace, subscribed before the test goes on. */
  async function caches<V>(
    count: number,
    options: Partial<RedisCacheOptions<V>> = {},
  ): Promise<RedisCache<V>[]> {
    const namespace = options.namespace ?? uniqueNamespace();
    const made = Array.from(
      { length: count },
      (_, i) =>
        new RedisCache<V>({
          url: server().url,
          name: `${namespace}#${i}`,
          ...options,
          namespace,
        }),
    );
    open.push(...(made as RedisCache<unknown>[]));
    await untilSubscribed(redis(), `{${namespace}}:events`, count);
    return made;
  }

  describe("get and set", () => {
    it("set stores here and in Redis; another process reads it remotely, then locally", async () => {
      const [a, b] = await caches<User>(2);
      const hits = new Recording<RedisHitMessage>(REDIS_CHANNELS.hit);
      // b hears of the set too; a read still racing that notice would not be kept locally.
      const heard = nextMessage<RedisInvalidateMessage>(REDIS_CHANNELS.invalidate);
      await a!.set("user123", { name: "Alice", since: new Date(0) });
      await heard;
      expect(await a!.get("user123")).toEqual({ name: "Alice", since: new Date(0) });
      expect(await b!.get("user123")).toEqual({ name: "Alice", since: new Date(0) });
      expect(await b!.get("user123")).toEqual({ name: "Alice", since: new Date(0) });
      hits.stop();
      expect(hits.messages.map((m) => [m.cache.slice(-2), m.tier])).toEqual([
        ["#0", "local"],
        ["#1", "remote"],
        ["#1", "local"],
      ]);
      expect(b!.stats()).toMatchObject({ localHits: 1, remoteHits: 1, misses: 0, hitRate: 1 });
    });

    it("get of a key neither tier has is undefined and a miss", async () => {
      const [a] = await caches<string>(1);
      const miss = nextMessage<{ key: string }>(REDIS_CHANNELS.miss, (m) => m.key === "nobody");
      expect(await a!.get("nobody")).toBeUndefined();
      await miss;
      expect(a!.stats()).toMatchObject({ misses: 1, hitRate: 0 });
    });

    it("writes the TTL to Redis (PX); Infinity stores without expiry; ttl 0 deletes", async () => {
      const namespace = uniqueNamespace();
      const [a] = await caches<number>(1, { namespace, ttl: 60_000 });
      await a!.set("default", 1);
      await a!.set("short", 2, { ttl: 5_000 });
      await a!.set("forever", 3, { ttl: Infinity });
      const pttl = (key: string) => redis().pttl(`{${namespace}}:v:${key}`);
      expect(await pttl("default")).toBeGreaterThan(59_000);
      expect(await pttl("short")).toBeLessThanOrEqual(5_000);
      expect(await pttl("forever")).toBe(-1);
      await a!.set("forever", 4, { ttl: 0 });
      expect(await pttl("forever")).toBe(-2);
      expect(await a!.get("forever")).toBeUndefined();
    });

    it("keeps a stored undefined apart from a miss", async () => {
      const [a, b] = await caches<string | undefined>(2);
      let calls = 0;
      const load = () => {
        calls++;
        return undefined;
      };
      expect(await a!.fetch("maybe", load)).toBeUndefined();
      expect(await b!.fetch("maybe", load)).toBeUndefined();
      expect(calls).toBe(1);
      expect(b!.stats()).toMatchObject({ remoteHits: 1, loads: 0 });
    });

    it("refuses a value the serializer cannot store, synchronously, and stores nothing", async () => {
      const namespace = uniqueNamespace();
      const [a] = await caches<unknown>(1, { namespace });
      expect(() => a!.set("tags", new Set(["x"]))).toThrow(TypeError);
      expect(await redis().exists(`{${namespace}}:v:tags`)).toBe(0);
      expect(await a!.get("tags")).toBeUndefined();
    });

    it("uses a custom serializer in both directions", async () => {
      const namespace = uniqueNamespace();
      const serializer = {
        serialize: (value: number) => `n:${value}`,
        deserialize: (text: string) => Number(text.slice(2)),
      };
      const [a, b] = await caches<number>(2, { namespace, serializer });
      await a!.set("answer", 42);
      expect(await redis().get(`{${namespace}}:v:answer`)).toBe("n:42");
      expect(await b!.get("answer")).toBe(42);
    });

    it("with local: false every read goes to Redis", async () => {
      const [a] = await caches<number>(1, { local: false });
      await a!.set("k", 1);
      expect(await a!.get("k")).toBe(1);
      expect(a!.stats()).toMatchObject({ localHits: 0, remoteHits: 1, local: undefined });
    });
  });

  describe("invalidation", () => {
    it("a delete drops every other process's local copy", async () => {
      const [a, b] = await caches<string>(2);
      await a!.set("k", "v");
      expect(await b!.get("k")).toBe("v"); // now cached in b's local tier
      const seen = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.key === "k" && m.change === "delete",
      );
      expect(await a!.delete("k")).toBe(true);
      expect(await seen).toMatchObject({ key: "k", change: "delete" });
      expect(await b!.get("k")).toBeUndefined();
      // A delete of a key Redis no longer has is announced too: a local copy may outlive it.
      const again = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.key === "k",
      );
      expect(await a!.delete("k")).toBe(false);
      await again;
      expect(b!.stats().invalidations).toBe(3); // the set, then both deletes
    });

    it("a set replaces every other process's local copy", async () => {
      const [a, b] = await caches<string>(2);
      await a!.set("k", "old");
      expect(await b!.get("k")).toBe("old");
      const seen = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.key === "k",
      );
      await a!.set("k", "new");
      expect(await seen).toMatchObject({ change: "set" });
      expect(await b!.get("k")).toBe("new");
    });

    it("clear empties the namespace everywhere and leaves a namespace that extends its name", async () => {
      const namespace = uniqueNamespace();
      const [a, b] = await caches<string>(2, { namespace });
      const [other] = await caches<string>(1, { namespace: `${namespace}:admin` });
      await a!.set("x", "1");
      await other!.set("x", "kept");
      expect(await b!.get("x")).toBe("1");
      const seen = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.change === "clear",
      );
      await a!.clear();
      await seen;
      expect(await b!.get("x")).toBeUndefined();
      expect(await redis().keys(`{${namespace}}:*`)).toEqual([]);
      expect(await other!.get("x")).toBe("kept");
    });
  });

  describe("fetch", () => {
    it("loads once for concurrent callers in several processes, and stores the value", async () => {
      const namespace = uniqueNamespace();
      const group = await caches<User>(3, { namespace });
      const gate = deferred<User>();
      const calls: string[] = [];
      const loader = (key: string, { signal }: { signal: AbortSignal }) => {
        calls.push(key);
        expect(signal.aborted).toBe(false);
        return gate.promise;
      };
      const waits = new Recording<RedisLockWaitMessage>(REDIS_CHANNELS.lockWait);
      const pending = group.flatMap((cache) => [1, 2, 3].map(() => cache.fetch("user9", loader)));
      await nextMessage(
        REDIS_CHANNELS.load + ":start" === "" ? "" : "tracing:ladder:cache:redis:load:start",
      );
      gate.resolve({ name: "Nine" });
      const values = await Promise.all(pending);
      waits.stop();
      expect(calls).toEqual(["user9"]);
      expect(values.every((value) => value.name === "Nine")).toBe(true);
      expect(await redis().exists(`{${namespace}}:v:user9`)).toBe(1);
      expect(await redis().exists(`{${namespace}}:l:user9`)).toBe(0);
      expect(waits.messages.every((m) => m.outcome === "filled")).toBe(true);
      const total = group.map((c) => c.stats()).reduce((sum, s) => sum + s.loads, 0);
      expect(total).toBe(1);
    });

    it("a load nobody waits for sends no message; a set always does", async () => {
      const namespace = uniqueNamespace();
      const [a] = await caches<number>(1, { namespace });
      const listener = rawClient(server());
      const heard: string[] = [];
      const first = new Promise<void>((resolve) => {
        listener.on("message", (_, text: string) => {
          heard.push((JSON.parse(text) as { t: string }).t);
          resolve();
        });
      });
      await listener.subscribe(`{${namespace}}:events`);
      await a!.fetch("k", () => 1);
      await a!.set("k2", 2);
      await first; // messages arrive in order: a message from the fill would come first
      expect(heard[0]).toBe("s");
      listener.disconnect();
    });

    it("a second fetch is a local hit and calls no loader", async () => {
      const [a] = await caches<number>(1);
      let calls = 0;
      await a!.fetch("k", () => ++calls);
      expect(await a!.fetch("k", () => ++calls)).toBe(1);
      expect(calls).toBe(1);
      expect(a!.stats()).toMatchObject({ localHits: 1, loads: 1, misses: 1 });
    });

    it("a failing loader rejects this process's callers and frees the lock for another", async () => {
      const namespace = uniqueNamespace();
      const [a, b] = await caches<string>(2, { namespace });
      const gate = deferred<string>();
      const first = a!.fetch("k", () => gate.promise);
      await nextMessage("tracing:ladder:cache:redis:load:start");
      const ended = nextMessage<RedisLockWaitMessage>(
        REDIS_CHANNELS.lockWait,
        (m) => m.key === "k",
      );
      const second = b!.fetch("k", () => "from b");
      gate.reject(new Error("database down"));
      await expect(first).rejects.toThrow("database down");
      expect(await second).toBe("from b");
      expect(await ended).toMatchObject({ outcome: "acquired" });
      expect(await a!.fetch("k", () => "unused")).toBe("from b");
    });

    it("a set during a load wins: the loaded value goes to its callers but is not stored", async () => {
      const namespace = uniqueNamespace();
      const [a, b] = await caches<string>(2, { namespace });
      const gate = deferred<string>();
      const loading = a!.fetch("k", () => gate.promise);
      await nextMessage("tracing:ladder:cache:redis:load:start");
      const seen = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.key === "k",
      );
      await b!.set("k", "newer");
      await seen;
      gate.resolve("older");
      expect(await loading).toBe("older");
      expect(await a!.get("k")).toBe("newer");
      expect(await b!.get("k")).toBe("newer");
    });

    it("a waiter gives up after lockWaitTimeout (its own clock) and loads itself", async () => {
      const namespace = uniqueNamespace();
      const clock = createFakeClock();
      const [a] = await caches<string>(1, { namespace });
      const [b] = await caches<string>(1, { namespace, now: clock.now, lockWaitTimeout: 1_000 });
      const gate = deferred<string>();
      const holding = a!.fetch("k", () => gate.promise);
      await nextMessage("tracing:ladder:cache:redis:load:start");
      const ended = nextMessage<RedisLockWaitMessage>(
        REDIS_CHANNELS.lockWait,
        (m) => m.key === "k",
      );
      const waiting = b!.fetch("k", () => "b loaded");
      clock.advance(1_000);
      expect(await ended).toMatchObject({ outcome: "timeout", waitedMs: 1_000 });
      expect(await waiting).toBe("b loaded");
      expect(b!.stats()).toMatchObject({ lockWaits: 1, lockTimeouts: 1, loads: 1 });
      gate.resolve("a loaded");
      expect(await holding).toBe("a loaded");
    });

    it("renews its lock while a load outlasts lockTtl, so nobody else loads meanwhile", async () => {
      const namespace = uniqueNamespace();
      const [a] = await caches<string>(1, { namespace, lockTtl: 90 });
      const gate = deferred<string>();
      const holding = a!.fetch("k", () => gate.promise);
      await nextMessage("tracing:ladder:cache:redis:load:start");
      const lock = `{${namespace}}:l:k`;
      // The lock would have expired after 90 ms; watch it live past three of its TTLs.
      const started = performance.now();
      let renewals = 0;
      let last = await redis().pttl(lock);
      while (performance.now() - started < 270) {
        const left = await redis().pttl(lock);
        expect(left).toBeGreaterThan(0);
        if (left > last) renewals++;
        last = left;
      }
      expect(renewals).toBeGreaterThan(0);
      gate.resolve("done");
      expect(await holding).toBe("done");
    });

    it("a corrupt value reads as a miss, is reported, and fetch overwrites it", async () => {
      const namespace = uniqueNamespace();
      const [a] = await caches<number>(1, { namespace, local: false });
      await redis().set(`{${namespace}}:v:k`, "{not json");
      const corrupt = nextMessage<RedisCorruptMessage>(
        REDIS_CHANNELS.corrupt,
        (m) => m.key === "k",
      );
      expect(await a!.get("k")).toBeUndefined();
      expect((await corrupt).error).toBeInstanceOf(SyntaxError);
      expect(await a!.fetch("k", () => 7)).toBe(7);
      expect(await redis().get(`{${namespace}}:v:k`)).toBe("[7]");
      expect(a!.stats()).toMatchObject({ corrupt: 2, loads: 1 });
    });

    it("a loaded value the serializer refuses rejects the callers and frees the lock", async () => {
      const namespace = uniqueNamespace();
      const [a, b] = await caches<unknown>(2, { namespace });
      await expect(a!.fetch("k", () => new Map())).rejects.toThrow(/is a Map/);
      expect(await redis().exists(`{${namespace}}:l:k`, `{${namespace}}:v:k`)).toBe(0);
      expect(await b!.fetch("k", () => "plain")).toBe("plain");
    });

    it("validates its arguments synchronously", async () => {
      const [a] = await caches<number>(1);
      expect(() => a!.fetch("k", "nope" as never)).toThrow(TypeError);
      expect(() => a!.fetch("k", () => 1, { ttl: -1 })).toThrow(RangeError);
      expect(() => a!.get(1 as never)).toThrow(/keys must be strings/);
      expect(() => a!.set("k", 1, { tll: 1 } as never)).toThrow(/unknown option `tll`/);
    });
  });

  describe("client and close", () => {
    it("works on a client you pass, and leaves it open on close", async () => {
      const namespace = uniqueNamespace();
      const client = rawClient(server());
      const cache = new RedisCache<number>({ client, namespace });
      await cache.set("k", 1);
      expect(await client.get(`{${namespace}}:v:k`)).toBe("[1]");
      await cache.close();
      expect(await client.ping()).toBe("PONG");
      client.disconnect();
    });

    it("close aborts loads in flight and later calls reject", async () => {
      const [a] = await caches<number>(1);
      let signal: AbortSignal | undefined;
      const loading = a!.fetch("k", (_, context) => {
        signal = context.signal;
        return new Promise<number>((_, reject) => {
          context.signal.addEventListener("abort", () => {
            reject(context.signal.reason as Error);
          });
        });
      });
      await nextMessage("tracing:ladder:cache:redis:load:start");
      const rejected = expect(loading).rejects.toThrow(/is closed/);
      await a!.close();
      expect(signal?.aborted).toBe(true);
      await rejected;
      await expect(a!.get("k")).rejects.toThrow(/is closed/);
      await expect(a!.set("k", 1)).rejects.toThrow(/is closed/);
      await expect(a!.delete("k")).rejects.toThrow(/is closed/);
      await expect(a!.clear()).rejects.toThrow(/is closed/);
      await expect(a!.fetch("k", () => 1)).rejects.toThrow(/is closed/);
    });
  });
});
