/**
 * `TemplateName`: many values per key from a slow, non-deterministic producer (a code generator,
 * A/B copy, sampled responses), filled in generations on `@ladder/cache`'s `VarietyCache` and
 * `Refresher`, so each read is a random pick from what has accumulated.
 *
 * Telemetry: the cache publishes on `@ladder/cache`'s channels with `cache: "template-name"`, and
 * each generation is traced on its refresh channel (`CACHE_CHANNELS.refresh`).
 */
import { Refresher, VarietyCache } from "@ladder/cache";
import type { GenerationReport, Producer, VarietyStats } from "@ladder/cache";

/** What a value is made for: a topic at a level. Replace with your domain's key. */
export type TemplateNameKey = readonly [topic: string, level: "easy" | "hard"];

/** Where a `TemplateName` gets its values, what it covers, and its clock. */
export interface TemplateNameOptions {
  /** Makes one fresh value for a key; it may reject or time out, and is retried later. */
  readonly produce: Producer<TemplateNameKey, string>;
  /** The topics to cover; each is filled at both levels. */
  readonly topics: readonly string[];
  /** Values added per key and generation. Default: 3. */
  readonly perGeneration?: number;
  /** Most values kept per key, the oldest pruned first. Default: 12. */
  readonly maxPerKey?: number;
  /** The clock in milliseconds, injectable for tests. Default: `Date.now`. */
  readonly now?: () => number;
  /** Random numbers in [0, 1) for picks, injectable for tests. Default: `Math.random`. */
  readonly random?: () => number;
}

/**
 * Keeps up to `maxPerKey` values for every topic × level, adds `perGeneration` more per key each
 * generation, and answers reads with a random pick, or one live producer call for a key that has
 * nothing yet.
 *
 * @example
 * ```ts
 * const snippets = new TemplateName({ topics: ["loops"], produce: async ([topic]) => generate(topic) });
 * await snippets.fill(); // or snippets.start() to fill every 3 hours
 * await snippets.get(["loops", "easy"]);
 * await snippets.stop();
 * ```
 */
export class TemplateName implements AsyncDisposable {
  readonly #cache: VarietyCache<TemplateNameKey, string>;
  readonly #refresher: Refresher<TemplateNameKey, string>;

  /**
   * Creates the cache over the topics' key space; nothing is produced until `fill` or `start`.
   *
   * @param options - the producer, the topics, and optionally counts, clock and random source
   * @example
   * ```ts
   * const snippets = new TemplateName({ topics: ["loops", "maps"], produce: generate });
   * ```
   */
  constructor(options: TemplateNameOptions) {
    this.#cache = new VarietyCache<TemplateNameKey, string>({
      name: "template-name",
      keySpace: options.topics.flatMap((topic) => [
        [topic, "easy"] as const,
        [topic, "hard"] as const,
      ]),
      keyOf: ([topic, level]) => `${topic}/${level}`,
      maxPerKey: options.maxPerKey ?? 12,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.random === undefined ? {} : { random: options.random }),
    });
    this.#refresher = new Refresher({
      cache: this.#cache,
      producer: options.produce,
      perGeneration: options.perGeneration ?? 3,
    });
  }

  /**
   * Starts filling: one generation now, then one every interval, with failed keys retried.
   *
   * @example
   * ```ts
   * snippets.start();
   * ```
   */
  start(): void {
    this.#refresher.start();
  }

  /**
   * Runs one generation now over every key, and waits for it.
   *
   * @returns what the generation added and which keys failed
   * @example
   * ```ts
   * const { added, failed } = await snippets.fill();
   * ```
   */
  fill(): Promise<GenerationReport<TemplateNameKey>> {
    return this.#refresher.runGeneration();
  }

  /**
   * Returns a random stored value for the key, or, when it has none, one live producer call
   * (shared by concurrent callers) whose value is stored.
   *
   * @param key - the topic and level
   * @returns a value for the key; rejects when the live call fails
   * @example
   * ```ts
   * const snippet = await snippets.get(["loops", "hard"]);
   * ```
   */
  get(key: TemplateNameKey): Promise<string> {
    return this.#refresher.getOrGenerate(key);
  }

  /**
   * Reports how full the cache is: entries, key space coverage, failed keys.
   *
   * @returns the cache's statistics
   * @example
   * ```ts
   * snippets.stats().coverage; // 1 once every key has a value
   * ```
   */
  stats(): VarietyStats {
    return this.#cache.stats();
  }

  /**
   * Stops filling, aborting producer calls in flight, and empties the cache.
   *
   * @example
   * ```ts
   * await snippets.stop();
   * ```
   */
  async stop(): Promise<void> {
    await this.#refresher.stop();
    this.#cache.close();
  }

  /**
   * Stops at the end of an `await using` block.
   *
   * @returns a promise that settles once stopped
   * @example
   * ```ts
   * await using snippets = new TemplateName({ topics: ["loops"], produce: generate });
   * ```
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
