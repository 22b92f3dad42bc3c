// Helpers for the tests that run against a real redis-server. Waits are bounded and end on an
// event (a telemetry message, a server reply), never on a fixed sleep.
import { randomUUID } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { assertRedisInstalled, startRedisServer } from "./redis-server.mjs";
import type { RedisServer } from "./redis-server.mjs";

export { skipRedis } from "./redis-server.mjs";

/**
 * Starts one redis-server for the test file and stops it after; fails the file with the install
 * command when redis-server is missing.
 *
 * @returns a getter for the running server
 */
export function useRedisServer(): () => RedisServer {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    assertRedisInstalled();
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error("the redis-server did not start");
    return server;
  };
}

/** A namespace no other test uses. */
export function uniqueNamespace(): string {
  return `t-${randomUUID().slice(0, 8)}`;
}

/**
 * The next message on a diagnostics channel that matches, or a rejection after `timeoutMs`.
 *
 * @param name - the channel
 * @param match - which message to wait for
 * @param timeoutMs - the bound
 * @returns the message
 */
export function nextMessage<T>(
  name: string,
  match: (message: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: unknown): void => {
      if (!match(message as T)) return;
      done();
      resolve(message as T);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no matching message on ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      unsubscribe(name, listener);
    }
    subscribe(name, listener);
  });
}

/** Every message published on a channel from its creation until `stop()`. */
export class Recording<T> {
  /** The messages so far, in order. */
  readonly messages: T[] = [];
  readonly #name: string;
  readonly #listener = (message: unknown): void => {
    this.messages.push(message as T);
  };

  /** @param name - the channel to record */
  constructor(name: string) {
    this.#name = name;
    subscribe(name, this.#listener);
  }

  /** Stops recording. */
  stop(): void {
    unsubscribe(this.#name, this.#listener);
  }
}

/**
 * Waits until `count` connections are subscribed to `channel`, asking the server (each try is one
 * round trip), for at most `timeoutMs`.
 *
 * @param raw - a plain client on the server
 * @param channel - the channel
 * @param count - how many subscribers to wait for
 * @param timeoutMs - the bound
 */
export async function untilSubscribed(
  raw: Redis,
  channel: string,
  count: number,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const [, subscribers] = (await raw.pubsub("NUMSUB", channel)) as [string, number];
    if (subscribers >= count) return;
  }
  throw new Error(`${channel} did not reach ${count} subscribers within ${timeoutMs} ms`);
}

/**
 * A plain ioredis client for looking at (and corrupting) what the cache stored.
 *
 * @param server - the server
 * @returns the client; disconnect it when done
 */
export function rawClient(server: RedisServer): Redis {
  return new Redis(server.url, { lazyConnect: false });
}
