/**
 * The counters of a {@link RedisCache}, kept in one object so the cache and its flights count in
 * one place, and the snapshot `stats()` returns.
 */
import type { CacheStats } from "../cache-core.js";
import type { BreakerState } from "./circuit-breaker.js";

/** Counters returned by {@link RedisCache.stats}, counted by this cache since it was created. */
export interface RedisCacheStats {
  /** Reads answered by the local tier. */
  readonly localHits: number;
  /** Reads answered by Redis. A `fetch` shared by concurrent callers in this process counts once. */
  readonly remoteHits: number;
  /** Reads that found nothing in either tier, or could not ask Redis (shared `fetch`: once). */
  readonly misses: number;
  /** Loader calls made by this process's `fetch`. */
  readonly loads: number;
  /** `fetch` misses that waited for another process's load. */
  readonly lockWaits: number;
  /** Of those waits, how many gave up after `lockWaitTimeout` and loaded themselves. */
  readonly lockTimeouts: number;
  /** Redis operations that failed (timeout, error, open breaker) and went on without Redis. */
  readonly failOpens: number;
  /** Values in Redis that failed to deserialize and were read as misses. */
  readonly corrupt: number;
  /**
   * Notifications of another process's `set`, `delete` or `clear` received (each drops the local
   * copy, if there was one).
   */
  readonly invalidations: number;
  /** Times the subscription came back after a disconnect (each clears the local tier). */
  readonly reconnects: number;
  /** Calls of `set`. */
  readonly sets: number;
  /** Calls of `delete`. */
  readonly deletes: number;
  /** `(localHits + remoteHits) / (localHits + remoteHits + misses)`, or `0` before the first read. */
  readonly hitRate: number;
  /** The circuit breaker's state now. */
  readonly breaker: BreakerState;
  /** The local tier's own counters, or `undefined` without one. */
  readonly local: CacheStats | undefined;
}

/** The mutable counters. @internal */
export class RedisCounters {
  localHits = 0;
  remoteHits = 0;
  misses = 0;
  loads = 0;
  lockWaits = 0;
  lockTimeouts = 0;
  failOpens = 0;
  corrupt = 0;
  invalidations = 0;
  reconnects = 0;
  sets = 0;
  deletes = 0;

  /**
   * A snapshot.
   *
   * @param breaker - the breaker's state
   * @param local - the local tier's stats
   * @returns the stats
   */
  snapshot(breaker: BreakerState, local: CacheStats | undefined): RedisCacheStats {
    const hits = this.localHits + this.remoteHits;
    const reads = hits + this.misses;
    return {
      localHits: this.localHits,
      remoteHits: this.remoteHits,
      misses: this.misses,
      loads: this.loads,
      lockWaits: this.lockWaits,
      lockTimeouts: this.lockTimeouts,
      failOpens: this.failOpens,
      corrupt: this.corrupt,
      invalidations: this.invalidations,
      reconnects: this.reconnects,
      sets: this.sets,
      deletes: this.deletes,
      hitRate: reads === 0 ? 0 : hits / reads,
      breaker,
      local,
    };
  }
}
