/**
 * `@ladder/cache`: production-grade in-process caches for Node.js.
 *
 * - {@link TtlCache}: per-entry TTL, an optional `maxEntries` bound with least-recently-used
 *   eviction, one unref'd sweep timer, statistics, single-flight `fetch`, and telemetry.
 *
 * ## Telemetry
 *
 * Every cache publishes on `node:diagnostics_channel` (names also exported as
 * {@link CACHE_CHANNELS}); with no subscriber a publish costs one `hasSubscribers` check.
 *
 * - `ladder:cache:hit`: a read found a live entry;
 * - `ladder:cache:miss`: a read found nothing live;
 * - `ladder:cache:set`: an entry was stored;
 * - `ladder:cache:delete`: `delete` removed a live entry;
 * - `ladder:cache:evict`: the least recently used entry was dropped to respect `maxEntries`;
 * - `ladder:cache:expire`: an expired entry was removed;
 * - `ladder:cache:sweep`: a sweep finished;
 * - `ladder:cache:fetch`: a tracing channel (start, end, asyncStart, asyncEnd, error) around each
 *   loader call.
 *
 * @packageDocumentation
 */
export { CACHE_CHANNELS } from "./telemetry.js";
export type { CacheKeyMessage, CacheSweepMessage } from "./telemetry.js";
export { TtlCache } from "./ttl-cache.js";
export type { CacheStats, Loader, LoaderContext } from "./ttl-cache.js";
export type {
  EvictionReason,
  FetchOptions,
  SetOptions,
  TtlCacheOptions,
} from "./ttl-cache-options.js";
