/**
 * The Redis side of a {@link RedisCache}: where each key lives and the commands on it. Every method
 * resolves, never rejects on a connection problem: it returns {@link FAILED} once the runner has
 * reported the failure, so the cache can answer from its local tier and the loader instead.
 *
 * Layout, for namespace `users`: values at `{users}:v:<key>`, locks at `{users}:l:<key>`, the
 * flag "a process waits for this lock" at `{users}:w:<key>`, notifications on channel
 * `{users}:events`. The braces keep one namespace from matching another's
 * keys (`users` and `users:admin` scan apart) and name a Redis Cluster hash tag.
 *
 * @internal
 */
import type { Redis } from "ioredis";
import type { CommandRunner, Failed } from "./command-runner.js";
import { FAILED } from "./command-runner.js";
import {
  EXTEND,
  FETCH_OR_LOCK,
  FILL,
  PUT_IF_ABSENT,
  RELEASE,
  REMOVE,
  runScript,
  WRITE,
} from "./lua-scripts.js";
import type { BusMessageType } from "./invalidation-bus.js";

/** What `fetchOrLock` found: a stored payload, the lock (now held by the caller), or a busy lock. @internal */
export type FetchOrLockReply = { readonly payload: string } | "locked" | "busy";

/** @internal */
export interface RemoteStoreOptions {
  readonly runner: CommandRunner;
  readonly namespace: string;
  readonly lockTtl: number;
  /** Encodes a notification for the namespace channel. */
  readonly message: (type: BusMessageType, key?: string) => string;
}

const SCAN_COUNT = 500;

/**
 * The keys and channel of a namespace.
 *
 * @param namespace - the cache's namespace
 * @returns the value, lock and waiters-flag key builders, the channel, and the SCAN pattern of all
 *   its keys
 * @internal
 */
export function keyLayout(namespace: string): {
  value: (key: string) => string;
  lock: (key: string) => string;
  waiters: (key: string) => string;
  channel: string;
  pattern: string;
} {
  const prefix = `{${namespace}}:`;
  return {
    value: (key) => `${prefix}v:${key}`,
    lock: (key) => `${prefix}l:${key}`,
    waiters: (key) => `${prefix}w:${key}`,
    channel: `${prefix}events`,
    pattern: `${prefix.replaceAll(/[*?[\]\\]/g, "\\$&")}*`,
  };
}

/** PX argument: whole milliseconds, at least 1; `""` for no expiry. */
function px(ttl: number): string | number {
  return ttl === Infinity ? "" : Math.max(1, Math.ceil(ttl));
}

/** @internal */
export class RemoteStore {
  readonly #run: CommandRunner["run"];
  readonly #layout: ReturnType<typeof keyLayout>;
  readonly #lockTtl: number;
  readonly #message: RemoteStoreOptions["message"];

  /** @param options - the runner, namespace, lock TTL and message encoder */
  constructor(options: RemoteStoreOptions) {
    this.#run = options.runner.run.bind(options.runner);
    this.#layout = keyLayout(options.namespace);
    this.#lockTtl = Math.max(1, Math.ceil(options.lockTtl));
    this.#message = options.message;
  }

  /** The namespace's notification channel. */
  get channel(): string {
    return this.#layout.channel;
  }

  get(key: string): Promise<string | null | Failed> {
    return this.#run("get", key, (client) => client.get(this.#layout.value(key)));
  }

  async fetchOrLock(key: string, token: string): Promise<FetchOrLockReply | Failed> {
    const reply = await this.#script("fetch", key, FETCH_OR_LOCK, [token, this.#lockTtl]);
    if (reply === FAILED) return FAILED;
    const [kind, payload] = reply as [number, string?];
    if (kind === 1) return { payload: payload ?? "" };
    return kind === 2 ? "locked" : "busy";
  }

  async fill(
    key: string,
    token: string,
    payload: string,
    ttl: number,
  ): Promise<boolean | Failed> {
    const args = [token, payload, px(ttl), this.#layout.channel, this.#message("f", key)];
    const reply = await this.#script("fill", key, FILL, args);
    return reply === FAILED ? FAILED : reply === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.#script("release", key, RELEASE, [
      token,
      this.#layout.channel,
      this.#message("r", key),
    ]);
  }

  async extend(key: string, token: string): Promise<void> {
    await this.#script("extend", key, EXTEND, [token, this.#lockTtl]);
  }

  async write(key: string, payload: string, ttl: number): Promise<boolean> {
    const args = [payload, px(ttl), this.#layout.channel, this.#message("s", key)];
    return (await this.#script("set", key, WRITE, args)) !== FAILED;
  }

  async putIfAbsent(key: string, payload: string, ttl: number): Promise<void> {
    const args = [payload, px(ttl), this.#layout.channel, this.#message("f", key)];
    await this.#script("fill", key, PUT_IF_ABSENT, args);
  }

  /** @returns whether Redis held a value for the key, or {@link FAILED} */
  async remove(key: string): Promise<boolean | Failed> {
    const args = [this.#layout.channel, this.#message("d", key)];
    const reply = await this.#script("delete", key, REMOVE, args);
    return reply === FAILED ? FAILED : reply === 1;
  }

  /**
   * Deletes every key of the namespace in batches (SCAN + UNLINK, so the server never blocks on
   * one huge command), then notifies. Not atomic: a value stored while it runs may survive.
   *
   * @returns whether every step reached Redis
   */
  async clear(): Promise<boolean> {
    let cursor = "0";
    do {
      const reply = await this.#run("clear", undefined, (client) =>
        client.scan(cursor, "MATCH", this.#layout.pattern, "COUNT", SCAN_COUNT),
      );
      if (reply === FAILED) return false;
      const [next, keys] = reply;
      cursor = next;
      if (keys.length > 0) {
        const unlinked = await this.#run("clear", undefined, (client) => client.unlink(...keys));
        if (unlinked === FAILED) return false;
      }
    } while (cursor !== "0");
    const sent = await this.#run("clear", undefined, (client) =>
      client.publish(this.#layout.channel, this.#message("c")),
    );
    return sent !== FAILED;
  }

  #script(
    operation: Parameters<CommandRunner["run"]>[0],
    key: string,
    code: Parameters<typeof runScript>[1],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    const layout = this.#layout;
    const keys = [layout.value(key), layout.lock(key), layout.waiters(key)];
    return this.#run(operation, key, (client: Redis) => runScript(client, code, keys, args));
  }
}
