/**
 * `@ladder/cache/redis`: a cache shared by many Node processes through Redis, with the `fetch`
 * contract of `TtlCache` and a `TtlCache` in front of it.
 *
 * - {@link RedisCache}: local tier, Redis tier, one loader call per cold key across processes
 *   (a Redis lock), invalidation of every process's local copy over pub/sub, and fail-open
 *   behaviour (command timeout, circuit breaker, reconnection) when Redis is slow or down.
 * - {@link jsonSerializer}: the default serializer, JSON that round-trips `undefined` and `Date`.
 *
 * Needs the `ioredis` package (an optional peer dependency: `npm install ioredis`); the root entry
 * `@ladder/cache` never loads it.
 *
 * ## Telemetry
 *
 * Published on `node:diagnostics_channel` (names exported as {@link REDIS_CHANNELS}); the local
 * tier also publishes on the core `ladder:cache:*` channels under the same name.
 *
 * - `ladder:cache:redis:hit`: a read was answered, `tier` `"local"` or `"remote"`;
 * - `ladder:cache:redis:miss`: a read found nothing in either tier (or could not ask Redis);
 * - `ladder:cache:redis:lock-wait`: a `fetch` finished waiting for another process's load, with
 *   `waitedMs` and `outcome` (`filled`, `acquired`, `timeout`, `fail-open`);
 * - `ladder:cache:redis:fail-open`: an operation went on without Redis, with `operation`,
 *   `reason` (`timeout`, `error`, `breaker-open`) and `error`;
 * - `ladder:cache:redis:invalidate`: another process's `set`, `delete` or `clear` dropped the
 *   local copy of `key` (`undefined` for a clear);
 * - `ladder:cache:redis:reconnect`: the subscription came back after a disconnect and the local
 *   tier was cleared (`cleared` entries), since notifications may have been missed;
 * - `ladder:cache:redis:corrupt`: a stored value failed to deserialize and read as a miss;
 * - `ladder:cache:redis:breaker`: the circuit breaker moved to `state` (`open`, `half-open`,
 *   `closed`);
 * - `ladder:cache:redis:load`: a tracing channel (start, end, asyncStart, asyncEnd, error) around
 *   each loader call.
 *
 * @packageDocumentation
 */
export type { BreakerState } from "./circuit-breaker.js";
export { jsonSerializer } from "./json-serializer.js";
export type { Serializer } from "./json-serializer.js";
export { RedisCache } from "./redis-cache.js";
export type { RedisFetchOptions, RedisSetOptions } from "./redis-cache.js";
export type { RedisCacheOptions } from "./redis-cache-options.js";
export type { RedisCacheStats } from "./redis-cache-stats.js";
export { REDIS_CHANNELS } from "./redis-telemetry.js";
export type {
  RedisBreakerMessage,
  RedisCorruptMessage,
  RedisFailOpenMessage,
  RedisHitMessage,
  RedisInvalidateMessage,
  RedisKeyMessage,
  RedisLockWaitMessage,
  RedisOperation,
  RedisReconnectMessage,
} from "./redis-telemetry.js";
