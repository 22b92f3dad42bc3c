/**
 * `@ladder/cache`: production-grade in-process caches for Node.js.
 *
 * - {@link TtlCache}: per-entry TTL, an optional `maxEntries` bound with least-recently-used
 *   eviction, one unref'd sweep timer, statistics, single-flight `fetch`, and telemetry.
 * - {@link VarietyCache}: many values per key (up to `maxPerKey`, oldest pruned first), a uniformly
 *   random `pick`, generation tags, coverage statistics over a declared key space, optional TTL.
 * - {@link Refresher}: fills a `VarietyCache` in generations on a schedule, with bounded
 *   concurrency, per-call timeouts, retries of failed keys, and a single-flight live fallback.
 *
 * ## Telemetry
 *
 * Every cache publishes on `node:diagnostics_channel` (names also exported as
 * {@link CACHE_CHANNELS}); with no subscriber a publish costs one `hasSubscribers` check.
 *
 * - `ladder:cache:hit`: a read found a live entry;
 * - `ladder:cache:miss`: a read found nothing live;
 * - `ladder:cache:set`: an entry was stored;
 * - `ladder:cache:delete`: `delete` or `take` removed a live entry (a `VarietyCache`: a key's values);
 * - `ladder:cache:evict`: an entry was dropped to respect `maxEntries` or `maxSize` (the least
 *   recently used, or the victim of the `tinylfu` policy);
 * - `ladder:cache:reject`: the `tinylfu` policy turned away a candidate less frequent than the
 *   entry it would have displaced;
 * - `ladder:cache:expire`: an expired entry was removed (by either cache);
 * - `ladder:cache:sweep`: a sweep finished (by either cache);
 * - `ladder:cache:fetch`: a tracing channel (start, end, asyncStart, asyncEnd, error) around each
 *   loader call;
 * - `ladder:cache:variety:add`: a `VarietyCache` stored a value;
 * - `ladder:cache:variety:prune`: a `VarietyCache` dropped a key's oldest value to stay within
 *   `maxPerKey`;
 * - `ladder:cache:variety:pick`: a `VarietyCache` answered `pick` (`hit` tells whether it had a
 *   value);
 * - `ladder:cache:refresh`: a tracing channel around each generation a `Refresher` runs; its
 *   `asyncEnd` carries the {@link GenerationReport} as `result`.
 *
 * @packageDocumentation
 */
export { CACHE_CHANNELS } from "./telemetry.js";
export type { Producer, ProducerContext } from "./call-producer.js";
export { Refresher } from "./refresher.js";
export type { GenerationReport } from "./refresher.js";
export type { RefresherOptions } from "./refresher-options.js";
export type {
  CacheKeyMessage,
  CacheSweepMessage,
  RefreshMessage,
  VarietyEntryMessage,
  VarietyPickMessage,
} from "./telemetry.js";
export type { CacheStats } from "./cache-core.js";
export type { DumpedEntry } from "./cache-dump.js";
export type { Loader, LoaderContext } from "./cache-fetcher.js";
export type { EntryInfo } from "./entry-info.js";
export { TtlCache } from "./ttl-cache.js";
export type { FetchOptions, IterationOptions, SetOptions } from "./call-options.js";
export type { EvictionPolicy, EvictionReason, TtlCacheOptions } from "./ttl-cache-options.js";
export { VarietyCache } from "./variety-cache.js";
export type { VarietyStats } from "./variety-cache.js";
export type {
  AddOptions,
  ListOptions,
  VarietyCacheOptions,
  VarietyEntry,
} from "./variety-cache-options.js";
