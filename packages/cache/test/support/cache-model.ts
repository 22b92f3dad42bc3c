/**
 * The reference model of TtlCache for the model-based tests: recency is a `Map`'s insertion order
 * (oldest first), expiry a number per entry, and removals are reported the way the cache
 * promises: queued during an operation and delivered in order once it is done, removals caused by
 * the listener joining the end of the same queue. Nothing clever, so it is easy to trust.
 */
import type { EvictionReason } from "../../src/index.js";

/** A key of the model-based tests: primitives that a careless cache would confuse. */
export type ModelKey = number | string | null | undefined;

interface ModelEntry {
  value: number;
  expiresAt: number;
}

/** Hears the model's removals; may call the model back. */
export type ModelListener = (key: ModelKey, value: number, reason: EvictionReason) => void;

/** The reference cache. */
export class CacheModel {
  readonly entries = new Map<ModelKey, ModelEntry>();
  hits = 0;
  misses = 0;
  sets = 0;
  deletes = 0;
  evictions = 0;
  expirations = 0;
  now = 1_000;
  listener: ModelListener | undefined;
  readonly #queue: [ModelKey, number, EvictionReason][] = [];
  #delivering = false;

  constructor(
    readonly ttl: number,
    readonly maxEntries: number,
    /** How long an expired entry is kept for `fetch` (the longer stale window); 0 for none. */
    readonly retention = 0,
  ) {}

  get(key: ModelKey): number | undefined {
    const entry = this.#live(key);
    this.#deliver();
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  peek(key: ModelKey): number | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expiresAt > this.now ? entry.value : undefined;
  }

  take(key: ModelKey): number | undefined {
    const entry = this.#live(key);
    this.#deliver();
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.hits++;
    this.deletes++;
    return entry.value;
  }

  has(key: ModelKey): boolean {
    const live = this.#live(key) !== undefined;
    this.#deliver();
    return live;
  }

  set(key: ModelKey, value: number, ttl = this.ttl): void {
    const expiresAt = ttl === Infinity ? Infinity : this.now + ttl;
    const previous = this.entries.get(key);
    this.sets++;
    if (previous !== undefined) {
      this.entries.delete(key);
      if (previous.value !== value) this.#notice(key, previous.value, "replaced");
    } else {
      while (this.entries.size >= this.maxEntries) this.#dropOldest();
    }
    this.entries.set(key, { value, expiresAt });
    this.#deliver();
  }

  delete(key: ModelKey): boolean {
    const entry = this.entries.get(key);
    const live = entry !== undefined && entry.expiresAt > this.now;
    if (entry !== undefined && !live) this.#expire(key, entry);
    if (entry !== undefined && live) {
      this.entries.delete(key);
      this.deletes++;
      this.#notice(key, entry.value, "deleted");
    }
    this.#deliver();
    return live;
  }

  clear(): void {
    for (const [key, entry] of [...this.entries].reverse()) {
      this.#notice(key, entry.value, "cleared");
    }
    this.entries.clear();
    this.#deliver();
  }

  prune(): number {
    let removed = 0;
    for (const [key, entry] of [...this.entries].reverse()) {
      if (entry.expiresAt + this.retention <= this.now) {
        this.#expire(key, entry);
        removed++;
      }
    }
    this.#deliver();
    return removed;
  }

  /** The live entries as `[key, value]`, most recently used first, as `entries()` lists them. */
  liveEntriesMostRecentFirst(): [ModelKey, number][] {
    return [...this.entries]
      .filter(([, entry]) => entry.expiresAt > this.now)
      .map(([key, entry]): [ModelKey, number] => [key, entry.value])
      .reverse();
  }

  #live(key: ModelKey): ModelEntry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now) return entry;
    // Past its TTL: not live; removed unless still inside a stale window.
    if (entry.expiresAt + this.retention <= this.now) this.#expire(key, entry);
    return undefined;
  }

  #dropOldest(): void {
    const [key, entry] = this.entries.entries().next().value as [ModelKey, ModelEntry];
    if (entry.expiresAt <= this.now) {
      this.#expire(key, entry);
      return;
    }
    this.entries.delete(key);
    this.evictions++;
    this.#notice(key, entry.value, "evicted");
  }

  #expire(key: ModelKey, entry: ModelEntry): void {
    this.entries.delete(key);
    this.expirations++;
    this.#notice(key, entry.value, "expired");
  }

  #notice(key: ModelKey, value: number, reason: EvictionReason): void {
    if (this.listener !== undefined) this.#queue.push([key, value, reason]);
  }

  #deliver(): void {
    if (this.#delivering) return;
    this.#delivering = true;
    // for-of sees the notices the listener queues meanwhile: an array iterator rereads the length.
    for (const [key, value, reason] of this.#queue) this.listener?.(key, value, reason);
    this.#queue.length = 0;
    this.#delivering = false;
  }
}
