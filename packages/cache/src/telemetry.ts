/**
 * Telemetry for the caches, on `node:diagnostics_channel`. Publishing is guarded by
 * `hasSubscribers` at every call site, so with nobody listening the cost is one property read.
 */
import { channel, tracingChannel } from "node:diagnostics_channel";
import type { Channel, TracingChannel } from "node:diagnostics_channel";

/**
 * The names of every channel `@ladder/cache` publishes on. Subscribe with
 * `diagnostics_channel.subscribe(CACHE_CHANNELS.hit, listener)` instead of retyping the strings.
 *
 * @example
 * ```ts
 * import { subscribe } from "node:diagnostics_channel";
 * import { CACHE_CHANNELS, type CacheKeyMessage } from "@ladder/cache";
 *
 * subscribe(CACHE_CHANNELS.miss, (message) => {
 *   const { cache, key } = message as CacheKeyMessage<unknown>;
 *   console.log(`miss in ${cache}:`, key);
 * });
 * ```
 */
export const CACHE_CHANNELS = {
  /** A `get` or `fetch` found a live entry. Message: {@link CacheKeyMessage}. */
  hit: "ladder:cache:hit",
  /** A `get` or `fetch` found nothing live (absent or expired). Message: {@link CacheKeyMessage}. */
  miss: "ladder:cache:miss",
  /** An entry was stored by `set` or by a completed `fetch`. Message: {@link CacheKeyMessage}. */
  set: "ladder:cache:set",
  /** `delete` removed a live entry. Message: {@link CacheKeyMessage}. */
  delete: "ladder:cache:delete",
  /** The least recently used entry was dropped to respect `maxEntries`. Message: {@link CacheKeyMessage}. */
  evict: "ladder:cache:evict",
  /** An expired entry was removed, lazily or by a sweep. Message: {@link CacheKeyMessage}. */
  expire: "ladder:cache:expire",
  /** A sweep finished. Message: {@link CacheSweepMessage}. */
  sweep: "ladder:cache:sweep",
  /**
   * Tracing channel around each loader call made by `fetch` (start, end, asyncStart, asyncEnd,
   * error). Context: {@link CacheKeyMessage}.
   */
  fetch: "ladder:cache:fetch",
} as const;

/**
 * The message published on the per-key channels (`hit`, `miss`, `set`, `delete`, `evict`,
 * `expire`) and the context object of the `fetch` tracing channel.
 *
 * @typeParam K - the cache's key type
 */
export interface CacheKeyMessage<K> {
  /** The `name` option of the cache that published the message. */
  readonly cache: string;
  /** The key concerned, exactly as the caller passed it. */
  readonly key: K;
}

/** The message published on the `sweep` channel after each sweep. */
export interface CacheSweepMessage {
  /** The `name` option of the cache that swept. */
  readonly cache: string;
  /** How many expired entries the sweep removed. */
  readonly removed: number;
}

/**
 * The channel objects, created once per process (diagnostics_channel returns the same object for
 * the same name, so every cache shares them).
 *
 * @internal
 */
export const channels: {
  readonly hit: Channel;
  readonly miss: Channel;
  readonly set: Channel;
  readonly delete: Channel;
  readonly evict: Channel;
  readonly expire: Channel;
  readonly sweep: Channel;
  readonly fetch: TracingChannel<unknown, CacheKeyMessage<unknown>>;
} = {
  hit: channel(CACHE_CHANNELS.hit),
  miss: channel(CACHE_CHANNELS.miss),
  set: channel(CACHE_CHANNELS.set),
  delete: channel(CACHE_CHANNELS.delete),
  evict: channel(CACHE_CHANNELS.evict),
  expire: channel(CACHE_CHANNELS.expire),
  sweep: channel(CACHE_CHANNELS.sweep),
  fetch: tracingChannel(CACHE_CHANNELS.fetch),
};
