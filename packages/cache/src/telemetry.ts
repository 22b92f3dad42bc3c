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
  /** `delete` or `take` removed a live entry. Message: {@link CacheKeyMessage}. */
  delete: "ladder:cache:delete",
  /**
   * An entry was dropped to respect `maxEntries` or `maxSize` (the least recently used, or the
   * victim of the `tinylfu` policy). Message: {@link CacheKeyMessage}.
   */
  evict: "ladder:cache:evict",
  /**
   * The `tinylfu` policy turned a candidate away: less frequent than the entry it would have
   * displaced, it left instead. Message: {@link CacheKeyMessage}.
   */
  reject: "ladder:cache:reject",
  /** An expired entry was removed, lazily or by a sweep. Message: {@link CacheKeyMessage}. */
  expire: "ladder:cache:expire",
  /** A sweep finished. Message: {@link CacheSweepMessage}. */
  sweep: "ladder:cache:sweep",
  /**
   * Tracing channel around each loader call made by `fetch` (start, end, asyncStart, asyncEnd,
   * error). Context: {@link CacheKeyMessage}.
   */
  fetch: "ladder:cache:fetch",
  /** A `VarietyCache` stored a value with `add`. Message: {@link VarietyEntryMessage}. */
  varietyAdd: "ladder:cache:variety:add",
  /**
   * A `VarietyCache` dropped a key's oldest value to stay within `maxPerKey`. Message:
   * {@link VarietyEntryMessage}.
   */
  varietyPrune: "ladder:cache:variety:prune",
  /** A `VarietyCache` answered `pick`, with or without a value. Message: {@link VarietyPickMessage}. */
  varietyPick: "ladder:cache:variety:pick",
  /**
   * Tracing channel around each generation a `Refresher` runs (start, end, asyncStart, asyncEnd,
   * error). Context: {@link RefreshMessage}; `asyncEnd` also carries the generation's report as
   * `result`.
   */
  refresh: "ladder:cache:refresh",
} as const;

/**
 * The message published on the per-key channels (`hit`, `miss`, `set`, `delete`, `evict`,
 * `reject`, `expire`) and the context object of the `fetch` tracing channel.
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
 * The message published on `ladder:cache:variety:add` and `ladder:cache:variety:prune`: which
 * value of which key was stored or dropped.
 *
 * @typeParam K - the cache's key type
 */
export interface VarietyEntryMessage<K> {
  /** The `name` option of the cache that published the message. */
  readonly cache: string;
  /** The key the value belongs to, as the caller passed it to `add`. */
  readonly key: K;
  /** The generation the value was tagged with (`0` for values added outside a generation). */
  readonly generation: number;
  /** The value's entry id, unique within its cache. */
  readonly entryId: number;
}

/**
 * The message published on `ladder:cache:variety:pick` after every `pick`.
 *
 * @typeParam K - the cache's key type
 */
export interface VarietyPickMessage<K> {
  /** The `name` option of the cache that published the message. */
  readonly cache: string;
  /** The key asked for, as the caller passed it. */
  readonly key: K;
  /** `true` when a stored value was returned, `false` when the key had no live value. */
  readonly hit: boolean;
}

/** The context object of the `ladder:cache:refresh` tracing channel: one generation. */
export interface RefreshMessage {
  /** The `name` option of the cache the generation fills. */
  readonly cache: string;
  /** The generation's id: 1 for the first generation of a cache, then counting up. */
  readonly generation: number;
  /** `true` for a retry of failed keys, `false` for a full generation over the key space. */
  readonly retry: boolean;
  /** How many keys the generation covers. */
  readonly keys: number;
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
  readonly reject: Channel;
  readonly expire: Channel;
  readonly sweep: Channel;
  readonly fetch: TracingChannel<unknown, CacheKeyMessage<unknown>>;
  readonly varietyAdd: Channel;
  readonly varietyPrune: Channel;
  readonly varietyPick: Channel;
  readonly refresh: TracingChannel<unknown, RefreshMessage>;
} = {
  hit: channel(CACHE_CHANNELS.hit),
  miss: channel(CACHE_CHANNELS.miss),
  set: channel(CACHE_CHANNELS.set),
  delete: channel(CACHE_CHANNELS.delete),
  evict: channel(CACHE_CHANNELS.evict),
  reject: channel(CACHE_CHANNELS.reject),
  expire: channel(CACHE_CHANNELS.expire),
  sweep: channel(CACHE_CHANNELS.sweep),
  fetch: tracingChannel(CACHE_CHANNELS.fetch),
  varietyAdd: channel(CACHE_CHANNELS.varietyAdd),
  varietyPrune: channel(CACHE_CHANNELS.varietyPrune),
  varietyPick: channel(CACHE_CHANNELS.varietyPick),
  refresh: tracingChannel(CACHE_CHANNELS.refresh),
};
