/**
 * Telemetry of the Redis tier, on `node:diagnostics_channel`, beside the core channels (the local
 * `TtlCache` in front keeps publishing on `ladder:cache:*` under the same `name`). Every publish is
 * guarded by `hasSubscribers`.
 */
import { channel, tracingChannel } from "node:diagnostics_channel";
import type { Channel, TracingChannel } from "node:diagnostics_channel";
import type { BreakerState } from "./circuit-breaker.js";

/**
 * The names of every channel `@ladder/cache/redis` publishes on.
 *
 * @example
 * ```ts
 * import { subscribe } from "node:diagnostics_channel";
 * import { REDIS_CHANNELS, type RedisFailOpenMessage } from "@ladder/cache/redis";
 *
 * subscribe(REDIS_CHANNELS.failOpen, (message) => {
 *   const { cache, operation, reason } = message as RedisFailOpenMessage;
 *   console.warn(`${cache}: ${operation} answered without Redis (${reason})`);
 * });
 * ```
 */
export const REDIS_CHANNELS = {
  /** A read was answered from a tier. Message: {@link RedisHitMessage}. */
  hit: "ladder:cache:redis:hit",
  /** A read found nothing in either tier (or Redis could not be asked). Message: {@link RedisKeyMessage}. */
  miss: "ladder:cache:redis:miss",
  /** A `fetch` finished waiting for another process's load. Message: {@link RedisLockWaitMessage}. */
  lockWait: "ladder:cache:redis:lock-wait",
  /** An operation went on without Redis (timeout, error, open breaker). Message: {@link RedisFailOpenMessage}. */
  failOpen: "ladder:cache:redis:fail-open",
  /**
   * Another process's `set`, `delete` or `clear` arrived; the local copy (if any) is gone. Message:
   * {@link RedisInvalidateMessage}.
   */
  invalidate: "ladder:cache:redis:invalidate",
  /** The subscription came back after a disconnect and the local tier was cleared. Message: {@link RedisReconnectMessage}. */
  reconnect: "ladder:cache:redis:reconnect",
  /** A stored value failed to deserialize and was read as a miss. Message: {@link RedisCorruptMessage}. */
  corrupt: "ladder:cache:redis:corrupt",
  /** The circuit breaker changed state. Message: {@link RedisBreakerMessage}. */
  breaker: "ladder:cache:redis:breaker",
  /**
   * Tracing channel around each loader call made by `fetch` (start, end, asyncStart, asyncEnd,
   * error). Context: {@link RedisKeyMessage}.
   */
  load: "ladder:cache:redis:load",
} as const;

/** The message of `ladder:cache:redis:miss` and the context of `ladder:cache:redis:load`. */
export interface RedisKeyMessage {
  /** The `name` option of the cache (its namespace unless set). */
  readonly cache: string;
  /** The key, as the caller passed it. */
  readonly key: string;
}

/** The message of `ladder:cache:redis:hit`. */
export interface RedisHitMessage extends RedisKeyMessage {
  /** `"local"`: the in-process `TtlCache` answered; `"remote"`: Redis did. */
  readonly tier: "local" | "remote";
}

/** The message of `ladder:cache:redis:lock-wait`, published when a wait ends. */
export interface RedisLockWaitMessage extends RedisKeyMessage {
  /** Milliseconds spent waiting, on the cache's clock. */
  readonly waitedMs: number;
  /**
   * How it ended: `"filled"` (the other process stored the value), `"acquired"` (the lock came
   * free and this process loads), `"timeout"` (`lockWaitTimeout` passed; this process loads),
   * `"fail-open"` (Redis stopped answering; this process loads).
   */
  readonly outcome: "filled" | "acquired" | "timeout" | "fail-open";
}

/** What a fail-open operation was doing. */
export type RedisOperation =
  "get" | "fetch" | "set" | "delete" | "clear" | "fill" | "release" | "extend";

/** The message of `ladder:cache:redis:fail-open`. */
export interface RedisFailOpenMessage {
  /** The `name` option of the cache. */
  readonly cache: string;
  /** The operation that went on without Redis. */
  readonly operation: RedisOperation;
  /** The key concerned (`undefined` for `clear`). */
  readonly key: string | undefined;
  /**
   * Why: `"timeout"` (no answer within `commandTimeout`), `"error"` (the client or server
   * reported one), `"breaker-open"` (not sent: Redis failed recently).
   */
  readonly reason: "timeout" | "error" | "breaker-open";
  /** The error behind it. */
  readonly error: Error;
}

/** The message of `ladder:cache:redis:invalidate`: another process changed a key. */
export interface RedisInvalidateMessage {
  /** The `name` option of the cache that dropped its copy. */
  readonly cache: string;
  /** The key dropped, or `undefined` when another process cleared the namespace. */
  readonly key: string | undefined;
  /** What the other process did. */
  readonly change: "set" | "delete" | "clear";
}

/** The message of `ladder:cache:redis:reconnect`. */
export interface RedisReconnectMessage {
  /** The `name` option of the cache. */
  readonly cache: string;
  /** How many local entries were dropped because invalidations may have been missed. */
  readonly cleared: number;
}

/** The message of `ladder:cache:redis:corrupt`. */
export interface RedisCorruptMessage extends RedisKeyMessage {
  /** What the serializer threw. */
  readonly error: unknown;
}

/** The message of `ladder:cache:redis:breaker`. */
export interface RedisBreakerMessage {
  /** The `name` option of the cache. */
  readonly cache: string;
  /** The state the breaker moved to. */
  readonly state: BreakerState;
}

/**
 * The channel objects, created once per process.
 *
 * @internal
 */
export const redisChannels: {
  readonly hit: Channel;
  readonly miss: Channel;
  readonly lockWait: Channel;
  readonly failOpen: Channel;
  readonly invalidate: Channel;
  readonly reconnect: Channel;
  readonly corrupt: Channel;
  readonly breaker: Channel;
  readonly load: TracingChannel<unknown, RedisKeyMessage>;
} = {
  hit: channel(REDIS_CHANNELS.hit),
  miss: channel(REDIS_CHANNELS.miss),
  lockWait: channel(REDIS_CHANNELS.lockWait),
  failOpen: channel(REDIS_CHANNELS.failOpen),
  invalidate: channel(REDIS_CHANNELS.invalidate),
  reconnect: channel(REDIS_CHANNELS.reconnect),
  corrupt: channel(REDIS_CHANNELS.corrupt),
  breaker: channel(REDIS_CHANNELS.breaker),
  load: tracingChannel(REDIS_CHANNELS.load),
};
