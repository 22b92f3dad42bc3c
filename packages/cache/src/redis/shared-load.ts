/**
 * The cross-process single flight behind `RedisCache.fetch`, for a key that missed locally:
 *
 * 1. One script reads the value and, when there is none, takes the key's lock (`SET NX PX` with a
 *    random token) in the same atomic step, so between "missed" and "locked" no other process can
 *    fill the key and cause a second load.
 * 2. The lock holder calls the loader, renewing the lock every `lockTtl / 3` while it runs, then
 *    stores the value only if it still holds the lock (a `set` or `delete` meanwhile deletes the
 *    lock: the newer write wins) and frees it, notifying every process on the channel.
 * 3. The others wait for that notification, polling with backoff as a safety net, until the value
 *    is there, the lock comes free (the loader failed: one of them takes it), or
 *    `lockWaitTimeout` passes and they load themselves.
 * 4. Any Redis failure along the way ends the flight in this process: it calls its loader and
 *    keeps the value locally (fail open).
 *
 * @internal
 */
import { randomUUID } from "node:crypto";
import type { Loader } from "../cache-fetcher.js";
import type { Ticket } from "./change-tracker.js";
import { FAILED } from "./command-runner.js";
import type { Failed } from "./command-runner.js";
import type { Serializer } from "./json-serializer.js";
import type { KeyWaiters, Waiter } from "./key-waiters.js";
import type { LockRenewer } from "./lock-renewer.js";
import { backoffDelay } from "./key-waiters.js";
import type { RedisLockWaitMessage } from "./redis-telemetry.js";
import type { FetchOrLockReply, RemoteStore } from "./remote-store.js";

/** What the flight needs from its cache. @internal */
export interface SharedLoadContext<V> {
  readonly remote: RemoteStore;
  readonly waiters: KeyWaiters;
  readonly renewer: LockRenewer;
  readonly serializer: Serializer<V>;
  readonly now: () => number;
  readonly lockWaitTimeout: number;
  readonly random: () => number;
  /** Throws when the cache was closed. */
  readonly assertOpen: () => void;
  /** Deserializes, reporting a corrupt payload and returning `undefined` for it. */
  readonly decode: (key: string, payload: string) => { value: V } | undefined;
  /** Calls the loader (traced and counted). */
  readonly load: (key: string, loader: Loader<string, V>, signal: AbortSignal) => Promise<V>;
  /** Keeps a value in the local tier, unless the key changed since the flight began. */
  readonly keep: (ticket: Ticket, value: V, ttl: number) => void;
  /** Counts a value found in Redis. */
  readonly remoteHit: (key: string) => void;
  /** Counts the start of a wait for another process. */
  readonly waitStarted: (key: string) => void;
  /** Reports how a wait ended. */
  readonly waitEnded: (
    key: string,
    waitedMs: number,
    outcome: RedisLockWaitMessage["outcome"],
  ) => void;
}

/** One flight's request. @internal */
export interface SharedLoadRequest<V> {
  readonly key: string;
  readonly loader: Loader<string, V>;
  readonly ttl: number;
  readonly signal: AbortSignal;
  /** The flight's read, so a change of the key meanwhile keeps its value out of the local tier. */
  readonly ticket: Ticket;
}

/**
 * Runs one flight.
 *
 * @param context - the cache's side of the flight
 * @param request - key, loader, TTL and the signal that aborts when the cache closes
 * @returns the value, from Redis or from a loader
 * @internal
 */
export async function loadShared<V>(
  context: SharedLoadContext<V>,
  request: SharedLoadRequest<V>,
): Promise<V> {
  const { key } = request;
  const token = randomUUID();
  const waiter = context.waiters.register(key);
  const started = context.now();
  let waiting = false;
  const end = (outcome: RedisLockWaitMessage["outcome"]): void => {
    if (waiting) context.waitEnded(key, context.now() - started, outcome);
  };
  try {
    for (let attempt = 0; ; attempt++) {
      const reply = await context.remote.fetchOrLock(key, token);
      if (reply !== "busy") return await settle(context, request, reply, { token, end });
      if (!waiting) context.waitStarted(key);
      waiting = true;
      if (!(await waitTurn(context, waiter, started, attempt))) {
        end("timeout");
        return await loadAndStore(context, request, "if-absent");
      }
    }
  } finally {
    waiter.dispose();
  }
}

/** Ends the flight on any reply but "busy": Redis failed, the lock is ours, or a value is there. */
async function settle<V>(
  context: SharedLoadContext<V>,
  request: SharedLoadRequest<V>,
  reply: Exclude<FetchOrLockReply, "busy"> | Failed,
  flight: { token: string; end: (outcome: RedisLockWaitMessage["outcome"]) => void },
): Promise<V> {
  if (reply === FAILED) {
    flight.end("fail-open");
    return loadAlone(context, request);
  }
  if (reply === "locked") {
    flight.end("acquired");
    return loadAndFill(context, request, flight.token);
  }
  flight.end("filled");
  const decoded = context.decode(request.key, reply.payload);
  if (decoded === undefined) return loadAndStore(context, request, "overwrite");
  context.remoteHit(request.key);
  context.keep(request.ticket, decoded.value, request.ttl);
  return decoded.value;
}

/** Waits for a notification or the next poll; `false` once `lockWaitTimeout` has passed. */
async function waitTurn<V>(
  context: SharedLoadContext<V>,
  waiter: Waiter,
  started: number,
  attempt: number,
): Promise<boolean> {
  const left = started + context.lockWaitTimeout - context.now();
  if (left <= 0) return false;
  await waiter.wait(Math.min(left, backoffDelay(attempt, context.random)));
  context.assertOpen();
  return true;
}

/** Redis is failing: load here and keep the value locally only. */
async function loadAlone<V>(
  context: SharedLoadContext<V>,
  request: SharedLoadRequest<V>,
): Promise<V> {
  const value = await context.load(request.key, request.loader, request.signal);
  // Serialized anyway, so that a value Redis could not hold is refused whether Redis is up or not.
  context.serializer.serialize(value);
  context.keep(request.ticket, value, request.ttl);
  return value;
}

async function loadAndFill<V>(
  context: SharedLoadContext<V>,
  request: SharedLoadRequest<V>,
  token: string,
): Promise<V> {
  const { key, ttl } = request;
  const stopRenewing = context.renewer.hold(key, token);
  let value: V;
  let payload: string;
  try {
    value = await context.load(key, request.loader, request.signal);
    payload = context.serializer.serialize(value);
  } catch (error) {
    void context.remote.release(key, token);
    throw error;
  } finally {
    stopRenewing();
  }
  if (ttl === 0) {
    void context.remote.release(key, token);
    return value;
  }
  // `false`: a set or delete took the lock away during the load; its write wins, here too.
  if ((await context.remote.fill(key, token, payload, ttl)) !== false) {
    context.keep(request.ticket, value, ttl);
  }
  return value;
}

/** Loads without the lock: after a wait timed out, or over a corrupt value. */
async function loadAndStore<V>(
  context: SharedLoadContext<V>,
  request: SharedLoadRequest<V>,
  mode: "overwrite" | "if-absent",
): Promise<V> {
  const { key, ttl } = request;
  const value = await context.load(key, request.loader, request.signal);
  const payload = context.serializer.serialize(value);
  if (ttl > 0) {
    if (mode === "overwrite") await context.remote.write(key, payload, ttl);
    else await context.remote.putIfAbsent(key, payload, ttl);
  }
  context.keep(request.ticket, value, ttl);
  return value;
}
