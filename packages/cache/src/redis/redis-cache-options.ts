/**
 * The options of {@link RedisCache} and their validation: defaults live here and nowhere else.
 */
import type { Redis } from "ioredis";
import {
  assertKnownOptions,
  checkClock,
  checkCount,
  checkDuration,
  checkFunction,
  checkName,
} from "../options.js";
import type { TtlCacheOptions } from "../ttl-cache-options.js";
import type { Serializer } from "./json-serializer.js";
import { jsonSerializer } from "./json-serializer.js";

/**
 * Options for {@link RedisCache}. Give exactly one of `url` and `client`, and a `namespace`; every
 * other option has a default. An unknown key throws a `TypeError`.
 *
 * @typeParam V - the value type
 */
export interface RedisCacheOptions<V> {
  /**
   * Where Redis is (`redis://[user:password@]host:port[/db]`, or `rediss://` for TLS). The cache
   * opens two connections (commands and its subscription) and closes them in `close()`. Needs the
   * `ioredis` package installed.
   */
  readonly url?: string;
  /**
   * An ioredis client you already have, used for commands; the cache adds one connection of its
   * own for its subscription (`client.duplicate()`), and `close()` leaves yours open. A client
   * that resends unanswered commands after a reconnect (ioredis's default) may replay a `delete`
   * that already failed open; create it with `autoResendUnfulfilledCommands: false` to rule that
   * out. With dozens of calls in flight per process, `enableAutoPipelining: true` saves CPU at the
   * price of one event-loop turn of latency per call.
   */
  readonly client?: Redis;
  /**
   * Prefix of every key and name of the notification channel: values live at
   * `{namespace}:v:<key>`, locks at `{namespace}:l:<key>` (and `{namespace}:w:<key>` flags that a
   * process waits for one), notifications go to
   * `{namespace}:events`. Processes that share a namespace share values. It may not contain `{`
   * or `}`.
   */
  readonly namespace: string;
  /**
   * Time to live in Redis (`PX`), in milliseconds. `0` stores nothing (a `set` then deletes the
   * key); `Infinity` never expires.
   *
   * @defaultValue 300_000 (five minutes)
   */
  readonly ttl?: number;
  /**
   * Options of the in-process {@link TtlCache} in front of Redis, or `false` for none. Its entries
   * live for its `ttl` but never longer than their Redis TTL; other processes' writes drop them at
   * once through the notification channel, and the `ttl` bounds how stale a copy can get if a
   * notification is missed.
   *
   * @defaultValue `{ ttl: 5_000, maxEntries: 10_000 }`
   */
  readonly local?: TtlCacheOptions<string, V> | false;
  /**
   * Time to live of the lock a `fetch` miss takes so that one process loads, in milliseconds. The
   * loading process renews it every `lockTtl / 3` while its loader runs, so it bounds how long a
   * crashed loader blocks the key, not how long a load may take.
   *
   * @defaultValue 10_000
   */
  readonly lockTtl?: number;
  /**
   * How long a `fetch` waits for another process's load before it calls its own loader, in
   * milliseconds. `0` never waits.
   *
   * @defaultValue the `lockTtl`
   */
  readonly lockWaitTimeout?: number;
  /**
   * How long one Redis command may take, in milliseconds, before the call goes on without Redis
   * (fail open: local tier and loader).
   *
   * @defaultValue 1_000
   */
  readonly commandTimeout?: number;
  /**
   * Failed commands in a row (timeouts, connection errors) that open the circuit breaker. While it
   * is open no command is sent; every call is answered by the local tier and the loader.
   *
   * @defaultValue 3
   */
  readonly breakerThreshold?: number;
  /**
   * Milliseconds the breaker stays open before one probe command may try Redis again; a dead Redis
   * then costs one `commandTimeout` per interval.
   *
   * @defaultValue 5_000
   */
  readonly breakerInterval?: number;
  /**
   * Turns values into stored text and back. The default, {@link jsonSerializer}, round-trips
   * `undefined`, `Date`, `NaN`, `±Infinity` and `-0` and refuses what JSON would change.
   *
   * @defaultValue `jsonSerializer()`
   */
  readonly serializer?: Serializer<V>;
  /**
   * The clock of the breaker and of lock waits, in milliseconds; monotonic, callable without a
   * receiver. Tests inject a fake one.
   *
   * @defaultValue `() => performance.now()`
   */
  readonly now?: () => number;
  /**
   * Label carried in every telemetry message as `cache`, also given to the local tier.
   *
   * @defaultValue the `namespace`
   */
  readonly name?: string;
}

/** Options after validation. @internal */
export interface ResolvedRedisCacheOptions<V> {
  readonly url: string | undefined;
  readonly client: Redis | undefined;
  readonly namespace: string;
  readonly ttl: number;
  readonly local: TtlCacheOptions<string, V> | false;
  readonly localTtl: number;
  readonly lockTtl: number;
  readonly lockWaitTimeout: number;
  readonly commandTimeout: number;
  readonly breakerThreshold: number;
  readonly breakerInterval: number;
  readonly serializer: Serializer<V>;
  readonly now: () => number;
  readonly name: string;
}

/** The name errors are reported under. @internal */
export const OWNER = "RedisCache";

const OPTION_NAMES = [
  "url",
  "client",
  "namespace",
  "ttl",
  "local",
  "lockTtl",
  "lockWaitTimeout",
  "commandTimeout",
  "breakerThreshold",
  "breakerInterval",
  "serializer",
  "now",
  "name",
] as const;

const LOCAL_DEFAULTS = { ttl: 5_000, maxEntries: 10_000 } as const;

/**
 * Validates constructor options and fills in the defaults.
 *
 * @param options - what the caller passed
 * @returns the complete, checked options
 * @throws TypeError when a key is unknown, an option has the wrong type, or neither or both of
 *   `url` and `client` are given
 * @throws RangeError when a number is out of range
 * @internal
 */
export function resolveRedisCacheOptions<V>(
  options: RedisCacheOptions<V> | undefined,
): ResolvedRedisCacheOptions<V> {
  if (options === undefined) {
    throw new TypeError(
      `${OWNER}: options are required: \`namespace\` and \`url\` or \`client\`.`,
    );
  }
  assertKnownOptions(OWNER, options, OPTION_NAMES);
  const lockTtl = positive("lockTtl", or(options.lockTtl, 10_000));
  const local = checkLocal(options.local);
  const namespace = checkNamespace(options.namespace);
  return {
    ...checkConnection(options),
    namespace,
    ttl: checkDuration(OWNER, "ttl", or(options.ttl, 300_000)),
    local,
    localTtl: local === false ? 0 : or(local.ttl, LOCAL_DEFAULTS.ttl),
    lockTtl,
    lockWaitTimeout: checkDuration(
      OWNER,
      "lockWaitTimeout",
      or(options.lockWaitTimeout, lockTtl),
    ),
    commandTimeout: positive("commandTimeout", or(options.commandTimeout, 1_000)),
    breakerThreshold: checkCount(OWNER, "breakerThreshold", or(options.breakerThreshold, 3), 1),
    breakerInterval: checkDuration(OWNER, "breakerInterval", or(options.breakerInterval, 5_000)),
    serializer: checkSerializer(or(options.serializer, jsonSerializer<V>())),
    now: checkClock(
      OWNER,
      or(options.now, () => performance.now()),
    ),
    name: checkName(OWNER, "name", or(options.name, namespace)),
  };
}

/**
 * Validates a per-call TTL (`set`, `fetch`).
 *
 * @param options - what the caller passed
 * @param fallback - the cache's `ttl`
 * @returns the TTL in milliseconds
 * @throws TypeError when a key is unknown or `ttl` is not a number
 * @throws RangeError when `ttl` is negative or NaN
 * @internal
 */
export function resolveCallTtl(
  options: { readonly ttl?: number } | undefined,
  fallback: number,
): number {
  assertKnownOptions(OWNER, options, ["ttl"]);
  return options?.ttl === undefined ? fallback : checkDuration(OWNER, "ttl", options.ttl);
}

/** Only `undefined` means "not given": `null` is bad input and must reach the checks. */
function or<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function checkConnection(options: Pick<RedisCacheOptions<unknown>, "url" | "client">): {
  url: string | undefined;
  client: Redis | undefined;
} {
  const { url, client } = options;
  if ((url === undefined) === (client === undefined)) {
    throw new TypeError(
      `${OWNER}: give exactly one of \`url\` (such as "redis://127.0.0.1:6379") and \`client\` (an ioredis client); received ${url === undefined ? "neither" : "both"}.`,
    );
  }
  if (url !== undefined && !/^rediss?:\/\//.test(checkName(OWNER, "url", url))) {
    throw new TypeError(
      `${OWNER}: option \`url\` must start with redis:// or rediss://; received ${JSON.stringify(url)}.`,
    );
  }
  const candidate = client as Partial<Redis> | undefined;
  if (client !== undefined && typeof candidate?.duplicate !== "function") {
    throw new TypeError(
      `${OWNER}: option \`client\` must be an ioredis client (\`new Redis(…)\`).`,
    );
  }
  return { url, client };
}

function checkNamespace(namespace: unknown): string {
  const checked = checkName(OWNER, "namespace", namespace);
  if (/[{}]/.test(checked)) {
    throw new TypeError(
      `${OWNER}: option \`namespace\` may not contain \`{\` or \`}\` (they delimit it in keys); received ${JSON.stringify(checked)}.`,
    );
  }
  return checked;
}

function checkLocal<V>(local: unknown): TtlCacheOptions<string, V> | false {
  if (local === false) return false;
  if (
    local !== undefined &&
    (typeof local !== "object" || local === null || Array.isArray(local))
  ) {
    throw new TypeError(
      `${OWNER}: option \`local\` must be TtlCache options or false; received ${local === null ? "null" : typeof local}.`,
    );
  }
  return { ...LOCAL_DEFAULTS, ...(local as TtlCacheOptions<string, V> | undefined) };
}

function checkSerializer<V>(serializer: Serializer<V>): Serializer<V> {
  const candidate = serializer as Partial<Serializer<V>> | null;
  if (typeof candidate !== "object" || candidate === null) {
    throw new TypeError(
      `${OWNER}: option \`serializer\` must be an object with serialize and deserialize.`,
    );
  }
  checkFunction(OWNER, "serializer.serialize", candidate.serialize);
  checkFunction(OWNER, "serializer.deserialize", candidate.deserialize);
  return serializer;
}

/** A duration that must be at least 1 ms and finite (a PX argument or a timer). */
function positive(name: string, value: unknown): number {
  const checked = checkDuration(OWNER, name, value);
  if (checked < 1 || checked === Infinity) {
    throw new RangeError(
      `${OWNER}: option \`${name}\` must be a finite number of milliseconds from 1 up; received ${String(checked)}.`,
    );
  }
  return checked;
}
