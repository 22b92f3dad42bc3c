/**
 * The queue of removals a {@link TtlCache} still has to report: to `onEvict` and on the per-key
 * telemetry channels (`evict`, `reject`, `expire`, `delete`).
 *
 * User code must never run while the cache is half-way through an operation: an `onEvict` that
 * calls `set` between "make room" and "insert" refilled the freed slot and pushed the store past
 * its bound (issue 19). So operations only queue their removals here, and the outermost operation
 * delivers the queue once the store is consistent again. Removals caused by the callbacks
 * themselves join the end of the same queue, so everything is reported once, in order, with a
 * bounded stack however deeply the callbacks call back.
 *
 * A callback that throws does not stop the delivery: every other notice is still delivered, then
 * the error is thrown to the caller of the operation (several errors as one `AggregateError`).
 *
 * @internal
 */
import type { Channel } from "node:diagnostics_channel";
import { channels } from "./telemetry.js";
import type { EvictionReason } from "./ttl-cache-options.js";

/** The callback a cache reports removals to. @internal */
export type EvictionListener<K, V> = (key: K, value: V, reason: EvictionReason) => void;

/**
 * Returns the telemetry channel a removal is published on, if any.
 *
 * @param reason - why the entry left
 * @returns the channel, or `undefined` for reasons without one (`replaced`, `cleared`)
 * @internal
 */
export function channelFor(reason: EvictionReason): Channel | undefined {
  switch (reason) {
    case "evicted":
      return channels.evict;
    case "rejected":
      return channels.reject;
    case "expired":
      return channels.expire;
    case "deleted":
      return channels.delete;
    default:
      return undefined;
  }
}

/**
 * Pending removal notices of one cache, delivered in the order they were queued.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 * @internal
 */
export class EvictionNotices<K, V> {
  readonly #listener: EvictionListener<K, V> | undefined;
  readonly #name: string;
  // Parallel arrays instead of an object per notice: an eviction storm allocates nothing else.
  readonly #keys: K[] = [];
  readonly #values: V[] = [];
  readonly #reasons: EvictionReason[] = [];
  #delivering = false;
  /**
   * Whether anything is waiting to be delivered. A field, not a getter over the queue: every
   * `set` reads it.
   */
  pending = false;

  /**
   * Creates an empty queue.
   *
   * @param listener - the cache's `onEvict`, if any
   * @param name - the cache's telemetry name
   */
  constructor(listener: EvictionListener<K, V> | undefined, name: string) {
    this.#listener = listener;
    this.#name = name;
  }

  /** Whether an `onEvict` callback was given: `clear` only lists its entries for one. */
  get listening(): boolean {
    return this.#listener !== undefined;
  }

  /**
   * Queues a removal if anyone will hear of it: the `onEvict` callback, or a subscriber of the
   * reason's channel. With neither, this costs two checks and queues nothing.
   *
   * @param key - the key that left
   * @param value - its value
   * @param reason - why it left
   */
  push(key: K, value: V, reason: EvictionReason): void {
    const channel = channelFor(reason);
    if (this.#listener === undefined && channel?.hasSubscribers !== true) return;
    this.#keys.push(key);
    this.#values.push(value);
    this.#reasons.push(reason);
    this.pending = true;
  }

  /**
   * Delivers every queued notice, and those the callbacks queue meanwhile. Called from inside a
   * callback (a nested operation), it returns at once: the delivery already running picks the new
   * notices up.
   *
   * @throws whatever a callback threw, once all notices are delivered; an `AggregateError` of
   *   every error when several callbacks threw
   */
  deliver(): void {
    if (this.#delivering) return;
    this.#delivering = true;
    let errors: unknown[] | undefined;
    try {
      for (let i = 0; i < this.#keys.length; i++) {
        try {
          this.#notify(
            this.#keys[i] as K,
            this.#values[i] as V,
            this.#reasons[i] as EvictionReason,
          );
        } catch (error) {
          (errors ??= []).push(error);
        }
      }
    } finally {
      this.#keys.length = 0;
      this.#values.length = 0;
      this.#reasons.length = 0;
      this.#delivering = false;
      this.pending = false;
    }
    if (errors !== undefined) throw combine(errors);
  }

  #notify(key: K, value: V, reason: EvictionReason): void {
    const channel = channelFor(reason);
    // A subscriber's own errors never reach here: diagnostics_channel reports them itself.
    if (channel?.hasSubscribers === true) channel.publish({ cache: this.#name, key });
    this.#listener?.(key, value, reason);
  }
}

function combine(errors: unknown[]): unknown {
  if (errors.length === 1) return errors[0];
  return new AggregateError(errors, `${errors.length} onEvict callbacks threw.`);
}
