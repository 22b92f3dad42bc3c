/**
 * `TemplateName`: a typed, expiring, bounded cache of `TemplateNameRecord` values by id, on
 * `@ladder/cache`'s `TtlCache`. Misses load once however many callers wait (single flight).
 *
 * Telemetry: each load is traced on the `template-name:load` tracing channel; hits, misses and
 * evictions go to `@ladder/cache`'s channels with `cache: "template-name"`.
 */
import { tracingChannel } from "node:diagnostics_channel";
import { TtlCache } from "@ladder/cache";

/** A record the cache holds. Replace the fields with your domain's. */
export interface TemplateNameRecord {
  /** Stable identifier, the cache key. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
}

/** How a `TemplateName` loads, keeps and times its records. */
export interface TemplateNameOptions {
  /** Loads a record that is not cached, for example from a database or an HTTP API. */
  readonly load: (id: string) => Promise<TemplateNameRecord>;
  /** How long a record stays fresh, in milliseconds. Default: 300 000 (five minutes). */
  readonly ttl?: number;
  /** Most records kept; the least recently used leave first. Default: 10 000. */
  readonly maxEntries?: number;
  /** The clock in milliseconds, injectable for tests. Default: `performance.now`. */
  readonly now?: () => number;
}

/** Channel names this module publishes on, for `node:diagnostics_channel` subscribers. */
export const TEMPLATE_NAME_CHANNELS = {
  /** Traces each call of the loader (`start`, `asyncEnd`, `error`), with the record id. */
  load: "template-name:load",
} as const;

const loadChannel = tracingChannel<object, { id: string }>(TEMPLATE_NAME_CHANNELS.load);

/**
 * A cache of `TemplateNameRecord` values by id: reads go to memory first and fall back to the
 * loader once per id, records expire after `ttl` and the least recently used leave beyond
 * `maxEntries`.
 *
 * @example
 * ```ts
 * const records = new TemplateName({ load: async (id) => ({ id, name: `Record ${id}` }) });
 * const record = await records.get("42"); // loaded once, then served from memory
 * records.close();
 * ```
 */
export class TemplateName implements Disposable {
  readonly #cache: TtlCache<string, TemplateNameRecord>;
  readonly #load: (id: string) => Promise<TemplateNameRecord>;

  /**
   * Creates the cache; its sweep timer never keeps the process alive.
   *
   * @param options - the loader, and optionally TTL, size bound and clock
   * @example
   * ```ts
   * const records = new TemplateName({ load: fetchRecord, ttl: 60_000, maxEntries: 500 });
   * ```
   */
  constructor(options: TemplateNameOptions) {
    this.#load = options.load;
    this.#cache = new TtlCache({
      name: "template-name",
      ttl: options.ttl ?? 300_000,
      maxEntries: options.maxEntries ?? 10_000,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  /**
   * Returns the record for an id: from memory when fresh, else from one loader call shared by
   * every concurrent caller.
   *
   * @param id - the record's identifier
   * @returns the record; rejects with the loader's error, which is not cached
   * @example
   * ```ts
   * const [a, b] = await Promise.all([records.get("42"), records.get("42")]); // one load
   * ```
   */
  get(id: string): Promise<TemplateNameRecord> {
    return this.#cache.fetch(id, (key) =>
      loadChannel.tracePromise(() => this.#load(key), { id }),
    );
  }

  /**
   * Stores a record that the caller already has, for example right after writing it.
   *
   * @param record - the record, cached under its `id`
   * @example
   * ```ts
   * records.put({ id: "42", name: "Alice" });
   * ```
   */
  put(record: TemplateNameRecord): void {
    this.#cache.set(record.id, record);
  }

  /**
   * Forgets a record so the next read loads it again, for example after it changed elsewhere.
   *
   * @param id - the record's identifier
   * @returns whether a fresh record was cached
   * @example
   * ```ts
   * records.invalidate("42"); // true when it was cached
   * ```
   */
  invalidate(id: string): boolean {
    return this.#cache.delete(id);
  }

  /**
   * Counts the records in memory, fresh or not yet swept.
   *
   * @returns the number of cached records
   * @example
   * ```ts
   * records.size(); // 0 after close()
   * ```
   */
  size(): number {
    return this.#cache.size;
  }

  /**
   * Stops the sweep timer and aborts loads in flight, for a clean shutdown. Records stay readable
   * until they expire.
   *
   * @example
   * ```ts
   * records.close();
   * ```
   */
  close(): void {
    this.#cache.close();
  }

  /**
   * Closes the cache at the end of a `using` block.
   *
   * @example
   * ```ts
   * using records = new TemplateName({ load: fetchRecord });
   * ```
   */
  [Symbol.dispose](): void {
    this.close();
  }
}
