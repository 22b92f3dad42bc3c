// Redis is a cache, not a dependency: with the server killed or hung, every call still answers
// (local tier, loader) within the command timeout, the breaker stops paying that timeout per
// call, and everything recovers when the server is back. Each test owns its server's pid.
import { afterEach, describe, expect, it } from "vitest";
import { REDIS_CHANNELS, RedisCache } from "../../src/redis/index.js";
import type {
  RedisCacheOptions,
  RedisFailOpenMessage,
  RedisInvalidateMessage,
  RedisReconnectMessage,
} from "../../src/redis/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import {
  nextMessage,
  rawClient,
  Recording,
  skipRedis,
  uniqueNamespace,
  untilSubscribed,
} from "../support/redis-harness.js";
import { assertRedisInstalled, startRedisServer } from "../support/redis-server.mjs";
import type { RedisServer } from "../support/redis-server.mjs";

describe.skipIf(skipRedis)("RedisCache when Redis fails", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(count: number, options: Partial<RedisCacheOptions<string>>) {
    assertRedisInstalled();
    const server = await startRedisServer();
    let current: RedisServer = server;
    cleanups.push(() => current.stop());
    const clock = createFakeClock();
    const namespace = uniqueNamespace();
    const caches = Array.from(
      { length: count },
      (_, i) =>
        new RedisCache<string>({
          url: server.url,
          namespace,
          name: `${namespace}#${i}`,
          commandTimeout: 300,
          breakerThreshold: 1,
          breakerInterval: 1_000,
          now: clock.now,
          ...options,
        }),
    );
    cleanups.push(() => Promise.all(caches.map((cache) => cache.close())).then(() => undefined));
    const raw = rawClient(server);
    await untilSubscribed(raw, `{${namespace}}:events`, count);
    raw.disconnect();
    const restart = async () => {
      current = await startRedisServer({ port: server.port });
    };
    return { server, caches, clock, namespace, restart };
  }

  it(
    "killed mid-run: answers from the local tier and the loader, then recovers on restart",
    { timeout: 20_000 },
    async () => {
      const { server, caches, clock, restart } = await setup(2, {});
      const [a, b] = caches as [RedisCache<string>, RedisCache<string>];
      const heard = nextMessage<RedisInvalidateMessage>(REDIS_CHANNELS.invalidate);
      await a.set("warm", "w");
      await heard;
      expect(await b.get("warm")).toBe("w"); // b's local tier holds it now

      const failures = new Recording<RedisFailOpenMessage>(REDIS_CHANNELS.failOpen);
      await server.kill();
      expect(await b.get("warm")).toBe("w");
      await a.set("x", "1");
      expect(await a.get("x")).toBe("1");
      expect(await a.delete("x")).toBe(true);
      await a.clear();
      let loads = 0;
      const loader = () => `loaded #${++loads}`;
      expect(await a.fetch("cold", loader)).toBe("loaded #1");
      expect(await a.fetch("cold", loader)).toBe("loaded #1"); // kept locally meanwhile
      expect(await b.get("never-stored")).toBeUndefined();
      failures.stop();
      expect(loads).toBe(1);
      expect(a.stats().breaker).toBe("open");
      expect(failures.messages.length).toBeGreaterThan(0);
      // The first failure is a closed connection or a timeout, whichever ioredis saw first; the
      // breaker then keeps every later call from waiting at all.
      const reasons = failures.messages.map((m) => m.reason);
      expect(["error", "timeout"]).toContain(reasons[0]);
      expect(reasons).toContain("breaker-open");
      expect(a.stats().failOpens + b.stats().failOpens).toBe(failures.messages.length);

      const reconnected = caches.map((cache, i) =>
        nextMessage<RedisReconnectMessage>(
          REDIS_CHANNELS.reconnect,
          (m) => m.cache.endsWith(`#${i}`) && cache.stats().reconnects === 1,
          10_000,
        ),
      );
      await restart();
      const [fromA, fromB] = await Promise.all(reconnected);
      expect(fromA?.cleared).toBe(1); // "cold": kept while invalidations could not arrive
      expect(fromB?.cleared).toBe(1); // "warm"
      expect(b.stats().local?.size).toBe(0);

      clock.advance(1_000); // the breakers may probe again
      const seen = nextMessage<RedisInvalidateMessage>(
        REDIS_CHANNELS.invalidate,
        (m) => m.key === "after",
      );
      await a.set("after", "back");
      await seen;
      expect(await b.get("after")).toBe("back");
      expect(a.stats().breaker).toBe("closed");
      expect(b.stats()).toMatchObject({ breaker: "closed", remoteHits: 2 });
    },
  );

  it(
    "hung (SIGSTOP): one timeout opens the breaker, then calls skip Redis until a probe succeeds",
    { timeout: 20_000 },
    async () => {
      const { server, caches, clock } = await setup(1, { local: false, commandTimeout: 200 });
      const [a] = caches as [RedisCache<string>];
      await a.set("k", "v");
      const pid = server.pid as number;
      process.kill(pid, "SIGSTOP");
      cleanups.push(() => void process.kill(pid, "SIGCONT"));
      const failures = new Recording<RedisFailOpenMessage>(REDIS_CHANNELS.failOpen);
      const breaker = new Recording<{ state: string }>(REDIS_CHANNELS.breaker);

      expect(await a.get("k")).toBeUndefined(); // waited one commandTimeout
      expect(await a.get("k")).toBeUndefined(); // not sent at all
      expect(await a.fetch("k", () => "loader")).toBe("loader");
      clock.advance(1_000);
      expect(await a.get("k")).toBeUndefined(); // the probe, timed out again
      expect(failures.messages.map((m) => [m.operation, m.reason])).toEqual([
        ["get", "timeout"],
        ["get", "breaker-open"],
        ["fetch", "breaker-open"],
        ["get", "timeout"],
      ]);

      process.kill(pid, "SIGCONT");
      clock.advance(1_000);
      expect(await a.get("k")).toBe("v");
      failures.stop();
      breaker.stop();
      expect(breaker.messages.map((m) => m.state)).toEqual([
        "open",
        "half-open",
        "open",
        "half-open",
        "closed",
      ]);
    },
  );
});
