import type { Redis } from "ioredis";
import { checkFunction } from "../options.js";
import { TtlCache } from "../ttl-cache.js";
import type { Loader } from "../cache-fetcher.js";
import { ChangeTracker } from "./change-tracker.js";
import type { Ticket } from "./change-tracker.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { CommandRunner, FAILED } from "./command-runner.js";
import type { FailureReport } from "./command-runner.js";
import { createClient } from "./create-client.js";
import { InvalidationBus } from "./invalidation-bus.js";
import type { BusMessage } from "./invalidation-bus.js";
import { KeyWaiters } from "./key-waiters.js";
import { LockRenewer } from "./lock-renewer.js";
import { OWNER, resolveCallTtl, resolveRedisCacheOptions } from "./redis-cache-options.js";
import type { RedisCacheOptions, ResolvedRedisCacheOptions } from "./redis-cache-options.js";
import { RedisCounters } from "./redis-cache-stats.js";
import type { RedisCacheStats } from "./redis-cache-stats.js";
import { redisChannels } from "./redis-telemetry.js";
import type { RedisInvalidateMessage } from "./redis-telemetry.js";
import { keyLayout, RemoteStore } from "./remote-store.js";
import { loadShared } from "./shared-load.js";
import type { SharedLoadContext } from "./shared-load.js";

/** Per-call options of {@link RedisCache.set}. */
export interface RedisSetOptions {
  /** Time to live of this value in Redis, in milliseconds, overriding the cache's `ttl`. */
  readonly ttl?: number;
}

/** Per-call options of {@link RedisCache.fetch}. */
export interface RedisFetchOptions {
  /** Time to live of the loaded value in Redis, in milliseconds, overriding the cache's `ttl`. */
  readonly ttl?: number;
}

interface Flight<V> {
  readonly promise: Promise<V>;
}

const ABSENT: unique symbol = Symbol("absent");

/**
 * A cache shared by every process that uses the same Redis `namespace`, with the `fetch` contract
 * of {@link TtlCache}: an in-process `TtlCache` in front (the local tier), Redis behind it, and a
 * Redis lock so that a key missing everywhere is loaded once across all processes. A `set`,
 * `delete` or `clear` in one process reaches every other over pub/sub and drops their local copies.
 *
 * Redis is a cache here, never a dependency: when it is slow or down, every call goes on within
 * `commandTimeout` through the local tier and the loader (fail open), a circuit breaker stops
 * sending commands to a server that keeps failing, and the connection comes back by itself. No
 * call rejects because of Redis; {@link RedisCache.stats} and the `ladder:cache:redis:*` channels
 * report what happened. Keys are strings; values go through the `serializer` (JSON by default).
 *
 * @typeParam V - the value type
 *
 * @example
 * ```ts
 * import { RedisCache } from "@ladder/cache/redis";
 *
 * const users = new RedisCache<User>({
 *   url: "redis://127.0.0.1:6379",
 *   namespace: "users",
 *   ttl: 300_000,
 *   local: { maxEntries: 10_000, ttl: 5_000 },
 * });
 * await users.set("user123", alice);
 * const user = await users.fetch("user9", (id, { signal }) => loadUser(id, signal));
 * await users.delete("user123"); // gone here and, within milliseconds, in every process
 * await users.close();
 * ```
 */
export class RedisCache<V> implements AsyncDisposable {
  readonly #options: ResolvedRedisCacheOptions<V>;
  readonly #local: TtlCache<string, V> | undefined;
  readonly #client: Redis;
  readonly #ownsClient: boolean;
  readonly #breaker: CircuitBreaker;
  readonly #remote: RemoteStore;
  readonly #bus: InvalidationBus;
  readonly #waiters = new KeyWaiters();
  readonly #tracker = new ChangeTracker();
  readonly #flights = new Map<string, Flight<V>>();
  /** One signal for every load: it aborts when the cache closes. */
  readonly #closer = new AbortController();
  readonly #counters = new RedisCounters();
  readonly #context: SharedLoadContext<V>;
  #subscribed = false;
  #storedUnsubscribed = false;
  #closing: Promise<void> | undefined;

  /**
   * Creates the cache and starts connecting; calls made before the connection is ready wait for it
   * up to `commandTimeout`, then go on without Redis.
   *
   * @param options - connection (`url` or `client`), `namespace`, TTLs, local tier, lock, fault
   *   handling, serializer, clock and name
   * @throws TypeError when an option is unknown or has the wrong type, or when not exactly one of
   *   `url` and `client` is given
   * @throws RangeError when a number is out of range
   * @throws Error with `code` `"LADDER_REDIS_CLIENT_MISSING"` when `url` is given and ioredis is
   *   not installed
   * @example
   * ```ts
   * const sessions = new RedisCache<Session>({ client: redis, namespace: "sessions", local: false });
   * ```
   */
  constructor(options: RedisCacheOptions<V>) {
    const resolved = resolveRedisCacheOptions(options);
    this.#options = resolved;
    this.#local = createLocal(resolved);
    this.#ownsClient = resolved.client === undefined;
    const client = resolved.client ?? createClient(resolved.url as string, resolved.name);
    this.#client = client;
    this.#breaker = new CircuitBreaker(
      resolved.breakerThreshold,
      resolved.breakerInterval,
      resolved.now,
      (state) => {
        if (redisChannels.breaker.hasSubscribers)
          redisChannels.breaker.publish({ cache: resolved.name, state });
      },
    );
    this.#bus = this.#createBus(client);
    this.#remote = new RemoteStore({
      runner: new CommandRunner({
        client,
        timeout: resolved.commandTimeout,
        breaker: this.#breaker,
        onFailure: (report) => {
          this.#failedOpen(report);
        },
      }),
      namespace: resolved.namespace,
      lockTtl: resolved.lockTtl,
      message: (type, key) => this.#bus.encode(type, key),
    });
    this.#context = this.#sharedLoadContext();
    this.#bus.start();
  }

  /**
   * Reads a value: from the local tier, else from Redis (keeping a copy locally), else
   * `undefined`. A Redis failure or a value that does not deserialize also reads as `undefined`.
   *
   * @param key - the key
   * @returns a promise of the value, or of `undefined` when neither tier has it
   * @throws TypeError synchronously when `key` is not a string
   * @example
   * ```ts
   * const user = await users.get("user123"); // User | undefined
   * ```
   */
  get(key: string): Promise<V | undefined> {
    checkKey(key);
    if (this.#closing !== undefined) return this.#rejectClosed();
    const local = this.#fromLocal(key);
    return local === ABSENT ? this.#read(key) : Promise.resolve(local);
  }

  /**
   * Stores a value here and in Redis, and tells every other process to drop its copy. A load in
   * flight for the key, in any process, will not overwrite it. When Redis fails, the value is kept
   * in the local tier only.
   *
   * @param key - the key
   * @param value - the value; serialized now, so a value the serializer refuses throws here
   * @param options - `ttl` in Redis for this value (`0` deletes the key instead)
   * @returns a promise that resolves once Redis has the value (or has failed)
   * @throws TypeError synchronously when `key` is not a string, `options` is malformed, or the
   *   serializer refuses `value`
   * @throws RangeError synchronously when `options.ttl` is negative or NaN
   * @example
   * ```ts
   * await users.set("user123", alice, { ttl: 60_000 });
   * ```
   */
  set(key: string, value: V, options?: RedisSetOptions): Promise<void> {
    checkKey(key);
    const ttl = resolveCallTtl(options, this.#options.ttl);
    const payload = this.#options.serializer.serialize(value);
    if (this.#closing !== undefined) return this.#rejectClosed();
    this.#counters.sets++;
    this.#forget(key);
    if (ttl === 0) return this.#remove(key).then(() => undefined);
    if (this.#local !== undefined) {
      this.#storedUnsubscribed ||= !this.#subscribed;
      this.#local.set(key, value, { ttl: Math.min(this.#options.localTtl, ttl) });
    }
    return this.#remote.write(key, payload, ttl).then(() => {
      this.#waiters.notify(key);
    });
  }

  /**
   * Deletes a value here and in Redis, and tells every other process to drop its copy. A load in
   * flight for the key, in any process, will not store its result.
   *
   * @param key - the key
   * @returns a promise of `true` when a value was deleted (in Redis, or locally if Redis failed)
   * @throws TypeError synchronously when `key` is not a string
   * @example
   * ```ts
   * await users.delete("user123"); // true
   * ```
   */
  delete(key: string): Promise<boolean> {
    checkKey(key);
    if (this.#closing !== undefined) return this.#rejectClosed();
    this.#counters.deletes++;
    this.#forget(key);
    return this.#remove(key);
  }

  /**
   * Deletes every value of the namespace, here, in Redis and in every other process's local tier.
   * Redis is emptied in batches (`SCAN` + `UNLINK`), so a value stored by another process while
   * it runs may survive.
   *
   * @returns a promise that resolves when Redis is done (or has failed)
   * @example
   * ```ts
   * await users.clear();
   * ```
   */
  clear(): Promise<void> {
    if (this.#closing !== undefined) return this.#rejectClosed();
    this.#dropAll();
    return this.#remote.clear().then(() => undefined);
  }

  /**
   * Returns the value for `key`, loading it once however many callers in however many processes
   * ask at the same time: a local hit returns at once; otherwise Redis is asked, and on a miss
   * one process takes the key's lock and calls `loader(key, { signal })` while the others wait for
   * its value (up to `lockWaitTimeout`, then they load themselves). A loader that throws rejects
   * this process's callers and frees the lock for the next process. If Redis fails, the loader is
   * called here and its value kept locally.
   *
   * @param key - the key
   * @param loader - produces the value on a miss; its `signal` aborts when the cache is closed
   * @param options - `ttl` in Redis for the loaded value
   * @returns a promise of the cached or loaded value
   * @throws TypeError synchronously when `key` is not a string, `loader` is not a function or
   *   `options` is malformed
   * @throws RangeError synchronously when `options.ttl` is negative or NaN
   * @example
   * ```ts
   * const user = await users.fetch("user9", (id, { signal }) => loadUser(id, signal));
   * ```
   */
  fetch(key: string, loader: Loader<string, V>, options?: RedisFetchOptions): Promise<V> {
    checkKey(key);
    checkFunction(OWNER, "loader", loader);
    const ttl = resolveCallTtl(options, this.#options.ttl);
    if (this.#closing !== undefined) return this.#rejectClosed();
    const local = this.#fromLocal(key);
    if (local !== ABSENT) return Promise.resolve(local);
    return (this.#flights.get(key) ?? this.#fly(key, loader, ttl)).promise;
  }

  /**
   * Returns this cache's counters, the breaker's state and the local tier's own statistics.
   *
   * @returns a snapshot
   * @example
   * ```ts
   * const { localHits, remoteHits, misses, failOpens } = users.stats();
   * ```
   */
  stats(): RedisCacheStats {
    return this.#counters.snapshot(this.#breaker.state, this.#local?.stats());
  }

  /**
   * Aborts the signal of every load in flight, stops the local tier's timer and closes the
   * connections the cache opened (a `client` you passed stays open). Later calls reject.
   *
   * @returns a promise that resolves when the connections are closed
   * @example
   * ```ts
   * process.on("SIGTERM", () => void users.close());
   * ```
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  /**
   * Same as {@link RedisCache.close}, for `await using`.
   *
   * @returns a promise that resolves when the connections are closed
   * @example
   * ```ts
   * await using users = new RedisCache<User>({ url, namespace: "users" });
   * ```
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #fromLocal(key: string): V | typeof ABSENT {
    const local = this.#local;
    if (local === undefined) return ABSENT;
    const value = local.get(key);
    if (value === undefined && !local.has(key)) return ABSENT;
    this.#counters.localHits++;
    if (redisChannels.hit.hasSubscribers) this.#publishHit(key, "local");
    return value as V;
  }

  async #read(key: string): Promise<V | undefined> {
    const ticket = this.#tracker.begin(key);
    try {
      const payload = await this.#remote.get(key);
      const decoded =
        payload === FAILED || payload === null ? undefined : this.#decode(key, payload);
      if (decoded === undefined) {
        this.#missed(key);
        return undefined;
      }
      this.#remoteHit(key);
      this.#keep(ticket, decoded.value, this.#options.ttl);
      return decoded.value;
    } finally {
      this.#tracker.end(ticket);
    }
  }

  #fly(key: string, loader: Loader<string, V>, ttl: number): Flight<V> {
    const ticket = this.#tracker.begin(key);
    const request = { key, loader, ttl, signal: this.#closer.signal, ticket };
    const flight: Flight<V> = {
      promise: loadShared(this.#context, request).finally(() => {
        this.#tracker.end(ticket);
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
      }),
    };
    this.#flights.set(key, flight);
    return flight;
  }

  async #remove(key: string): Promise<boolean> {
    const local = this.#local?.delete(key) ?? false;
    const removed = await this.#remote.remove(key);
    this.#waiters.notify(key);
    return removed === FAILED ? local : removed || local;
  }

  /** The subscription runs on a connection of its own, which may queue its SUBSCRIBE until connected. */
  #createBus(client: Redis): InvalidationBus {
    return new InvalidationBus({
      subscriber: client.duplicate({ enableOfflineQueue: true }),
      channel: keyLayout(this.#options.namespace).channel,
      origin: crypto.randomUUID(),
      onMessage: (message) => {
        this.#received(message);
      },
      onReady: (first) => {
        this.#resubscribed(first);
      },
      onDown: () => {
        this.#subscribed = false;
      },
    });
  }

  #sharedLoadContext(): SharedLoadContext<V> {
    const { serializer, now, lockTtl, lockWaitTimeout, name } = this.#options;
    return {
      remote: this.#remote,
      waiters: this.#waiters,
      renewer: new LockRenewer(lockTtl / 3, (key, token) => void this.#remote.extend(key, token)),
      serializer,
      now,
      lockWaitTimeout,
      random: Math.random,
      assertOpen: () => {
        if (this.#closing !== undefined) throw closedError(name);
      },
      decode: (key, payload) => this.#decode(key, payload),
      load: (key, loader, signal) => this.#load(key, loader, signal),
      keep: (ticket, value, ttl) => {
        this.#keep(ticket, value, ttl);
      },
      remoteHit: (key) => {
        this.#remoteHit(key);
      },
      waitStarted: () => {
        this.#counters.lockWaits++;
      },
      waitEnded: (key, waitedMs, outcome) => {
        if (outcome === "timeout") this.#counters.lockTimeouts++;
        if (redisChannels.lockWait.hasSubscribers)
          redisChannels.lockWait.publish({ cache: name, key, waitedMs, outcome });
      },
    };
  }

  #load(key: string, loader: Loader<string, V>, signal: AbortSignal): Promise<V> {
    this.#counters.loads++;
    this.#missed(key);
    const call = async (): Promise<V> => loader(key, { signal, context: undefined });
    if (!redisChannels.load.hasSubscribers) return call();
    return redisChannels.load.tracePromise(call, { cache: this.#options.name, key });
  }

  #decode(key: string, payload: string): { value: V } | undefined {
    try {
      return { value: this.#options.serializer.deserialize(payload) };
    } catch (error) {
      this.#counters.corrupt++;
      if (redisChannels.corrupt.hasSubscribers)
        redisChannels.corrupt.publish({ cache: this.#options.name, key, error });
      return undefined;
    }
  }

  #keep(ticket: Ticket, value: V, ttl: number): void {
    if (this.#local === undefined || ttl === 0 || !this.#tracker.isCurrent(ticket)) return;
    this.#storedUnsubscribed ||= !this.#subscribed;
    this.#local.set(ticket.key, value, { ttl: Math.min(this.#options.localTtl, ttl) });
  }

  #remoteHit(key: string): void {
    this.#counters.remoteHits++;
    if (redisChannels.hit.hasSubscribers) this.#publishHit(key, "remote");
  }

  #missed(key: string): void {
    this.#counters.misses++;
    if (redisChannels.miss.hasSubscribers)
      redisChannels.miss.publish({ cache: this.#options.name, key });
  }

  #publishHit(key: string, tier: "local" | "remote"): void {
    redisChannels.hit.publish({ cache: this.#options.name, key, tier });
  }

  #failedOpen(report: FailureReport): void {
    this.#counters.failOpens++;
    if (redisChannels.failOpen.hasSubscribers)
      redisChannels.failOpen.publish({ cache: this.#options.name, ...report });
  }

  /** A local write: reads and loads in flight must not keep what they bring back. */
  #forget(key: string): void {
    this.#tracker.changed(key);
    this.#flights.delete(key);
  }

  #dropAll(): number {
    this.#tracker.changedAll();
    this.#flights.clear();
    const dropped = this.#local?.size ?? 0;
    this.#local?.clear();
    this.#waiters.notifyAll();
    return dropped;
  }

  #received({ type, key }: BusMessage): void {
    if (key === undefined) {
      this.#dropAll();
      this.#invalidated({ cache: this.#options.name, key, change: "clear" });
      return;
    }
    if (type === "s" || type === "d") {
      this.#forget(key);
      this.#local?.delete(key);
      this.#invalidated({
        cache: this.#options.name,
        key,
        change: type === "s" ? "set" : "delete",
      });
    }
    this.#waiters.notify(key);
  }

  #invalidated(message: RedisInvalidateMessage): void {
    this.#counters.invalidations++;
    if (redisChannels.invalidate.hasSubscribers) redisChannels.invalidate.publish(message);
  }

  /** The subscription is live (again): anything kept while it was not may have missed a change. */
  #resubscribed(first: boolean): void {
    this.#subscribed = true;
    if (first && !this.#storedUnsubscribed) return;
    this.#storedUnsubscribed = false;
    const cleared = this.#dropAll();
    if (first) return;
    this.#counters.reconnects++;
    if (redisChannels.reconnect.hasSubscribers)
      redisChannels.reconnect.publish({ cache: this.#options.name, cleared });
  }

  #rejectClosed(): Promise<never> {
    return Promise.reject(closedError(this.#options.name));
  }

  async #shutdown(): Promise<void> {
    const error = closedError(this.#options.name);
    this.#closer.abort(error);
    this.#waiters.notifyAll();
    this.#local?.close();
    this.#bus.close();
    if (this.#ownsClient) await quit(this.#client, this.#options.commandTimeout);
  }
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== "string") {
    throw new TypeError(`${OWNER}: keys must be strings; received ${typeof key}.`);
  }
}

function closedError(name: string): Error {
  return new Error(`${OWNER} "${name}" is closed.`);
}

function createLocal<V>(options: ResolvedRedisCacheOptions<V>): TtlCache<string, V> | undefined {
  if (options.local === false) return undefined;
  try {
    return new TtlCache<string, V>({ name: options.name, ...options.local });
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    const Kind = error instanceof RangeError ? RangeError : TypeError;
    throw new Kind(`${OWNER}: option \`local\`: ${error.message}`, { cause: error });
  }
}

/** Closes the cache's own connection politely (QUIT) when it can, at once otherwise. */
async function quit(client: Redis, timeout: number): Promise<void> {
  if (client.status === "ready") {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      client.quit().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, timeout))),
    ]);
    clearTimeout(timer);
  }
  client.disconnect();
}
