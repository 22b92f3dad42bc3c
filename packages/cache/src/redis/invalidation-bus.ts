/**
 * The namespace's notification channel, on a subscriber connection of its own (a subscribed
 * connection can run no other command). Every process publishes what it changed; every other
 * process drops its local copy and wakes its waiters. A message from this cache itself is
 * ignored: it already acted on the change.
 *
 * Messages are small JSON objects: `{ "o": origin, "t": type, "k": key }`, where type is `s` (set),
 * `d` (delete), `c` (clear, no key), `f` (a load stored its value) or `r` (a load failed and freed
 * its lock). Anything else on the channel is ignored.
 *
 * Pub/sub delivers at most once: a process that was disconnected may have missed messages, so
 * every time the subscription becomes ready again the cache is told, and clears its local tier.
 *
 * @internal
 */
import type { Redis } from "ioredis";

/** @internal */
export type BusMessageType = "s" | "d" | "c" | "f" | "r";

/** A message from another process. @internal */
export interface BusMessage {
  readonly type: BusMessageType;
  /** The key concerned; `undefined` for a clear. */
  readonly key: string | undefined;
}

/** @internal */
export interface InvalidationBusOptions {
  readonly subscriber: Redis;
  readonly channel: string;
  readonly origin: string;
  readonly onMessage: (message: BusMessage) => void;
  /** Called each time the subscription is (re)established, with `true` the first time. */
  readonly onReady: (first: boolean) => void;
  /** Called when the subscription's connection drops: messages may be missed from now on. */
  readonly onDown: () => void;
}

const TYPES = new Set<unknown>(["s", "d", "c", "f", "r"]);

/** @internal */
export class InvalidationBus {
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #origin: string;
  readonly #onMessage: (message: BusMessage) => void;
  readonly #onReady: (first: boolean) => void;
  readonly #onDown: () => void;
  #readyCount = 0;

  /** @param options - the dedicated subscriber connection, channel, origin id and handlers */
  constructor(options: InvalidationBusOptions) {
    this.#subscriber = options.subscriber;
    this.#channel = options.channel;
    this.#origin = options.origin;
    this.#onMessage = options.onMessage;
    this.#onReady = options.onReady;
    this.#onDown = options.onDown;
  }

  /** Subscribes; ioredis resubscribes by itself after every reconnect. */
  start(): void {
    const subscriber = this.#subscriber;
    // The connection is the cache's own: its errors are reconnections, seen through `ready`.
    subscriber.on("error", () => undefined);
    subscriber.on("message", (channel: string, text: string) => {
      if (channel === this.#channel) this.#receive(text);
    });
    subscriber.on("ready", () => {
      this.#readyCount++;
      this.#onReady(this.#readyCount === 1);
    });
    subscriber.on("close", () => {
      this.#onDown();
    });
    subscriber.subscribe(this.#channel).catch(() => undefined);
  }

  /**
   * Encodes a notification from this cache.
   *
   * @param type - what changed
   * @param key - the key, except for a clear
   * @returns the message text
   */
  encode(type: BusMessageType, key?: string): string {
    return JSON.stringify({ o: this.#origin, t: type, k: key });
  }

  /** Closes the subscriber connection. */
  close(): void {
    this.#subscriber.disconnect();
  }

  #receive(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null) return;
    const { o, t, k } = parsed as Record<string, unknown>;
    if (o === this.#origin || typeof o !== "string" || !TYPES.has(t)) return;
    if (t !== "c" && typeof k !== "string") return;
    this.#onMessage({ type: t as BusMessageType, key: typeof k === "string" ? k : undefined });
  }
}
