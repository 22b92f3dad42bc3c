import type { CacheLink, FailedKey } from "./cache-link.js";
import { callProducer } from "./call-producer.js";
import type { KeyIdentity } from "./key-identity.js";
import { resolveRefresherOptions } from "./refresher-options.js";
import type { RefresherOptions, ResolvedRefresherOptions } from "./refresher-options.js";
import { runPool } from "./run-pool.js";
import { SweepTimer } from "./sweep-timer.js";
import { channels } from "./telemetry.js";
import type { RefreshMessage } from "./telemetry.js";

/**
 * What one generation did, as resolved by {@link Refresher.runGeneration} and published as
 * `result` on the `ladder:cache:refresh` tracing channel.
 *
 * @typeParam K - the key type
 */
export interface GenerationReport<K> {
  /** The generation's id, which its values carry as `generation`: 1, 2, 3, … per cache. */
  readonly generation: number;
  /** `true` for a retry of failed keys, `false` for a full pass over the key space. */
  readonly retry: boolean;
  /** How many keys the generation covered. */
  readonly keys: number;
  /** How many producer calls it started. */
  readonly calls: number;
  /** How many values it stored in the cache. */
  readonly added: number;
  /** The keys with at least one failed (rejected, thrown or timed out) call. */
  readonly failed: readonly K[];
  /** Whether `stop()` or `regenerateAll()` cut the generation short. */
  readonly aborted: boolean;
  /** When the generation started, on the cache's `now` clock. */
  readonly startedAt: number;
  /** When the generation finished, on the cache's `now` clock. */
  readonly finishedAt: number;
}

/** One key's share of a generation: how many values to make for it. */
interface Plan<K> {
  readonly key: K;
  readonly identity: KeyIdentity;
  readonly count: number;
}

/** The generation in progress. */
interface Run<K> {
  readonly generation: number;
  /** Aborted by `stop()` and `regenerateAll()`: no further call starts. */
  readonly controller: AbortController;
  /** The controllers of the calls in flight, aborted with the run. */
  readonly calls: Set<AbortController>;
  /** Settles with the report once the run is over and `#current` is cleared. */
  readonly promise: Promise<GenerationReport<K>>;
}

type Outcome = "added" | "failed" | "dropped";

/**
 * Fills a {@link VarietyCache} over its declared key space on a schedule, as the seed's code cache
 * did: each generation adds `perGeneration` values per key with at most `concurrency` producer
 * calls in flight, each call cut off after `timeout`; failed keys are retried after
 * `retryInterval`; two generations never overlap. `getOrGenerate` serves a cached value or makes
 * one live (one call per key however many callers wait). Every timer is unref'd.
 *
 * All times come from the cache's `now` clock; values of a generation carry its id as
 * `generation`, values made live by `getOrGenerate` carry `0`.
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 *
 * @example
 * ```ts
 * import { Refresher, VarietyCache } from "@ladder/cache";
 *
 * const snippets = new VarietyCache<[string, string, number], string>({ keySpace: combinations });
 * const refresher = new Refresher({
 *   cache: snippets,
 *   producer: ([language, difficulty, lines], { signal }) =>
 *     ai.generate(language, difficulty, lines, { signal }),
 *   perGeneration: 3, // 3 → 6 → 9 → 12 values per key, then steady
 *   interval: 3 * 60 * 60 * 1000,
 *   concurrency: 5,
 * });
 * refresher.start();
 * const code = await refresher.getOrGenerate(["python", "easy", 10]);
 * ```
 */
export class Refresher<K, V> implements AsyncDisposable {
  readonly #options: ResolvedRefresherOptions<K, V>;
  readonly #link: CacheLink<K>;
  readonly #schedule: SweepTimer;
  readonly #retry: SweepTimer;
  readonly #live = new Map<KeyIdentity, Promise<V>>();
  readonly #liveCalls = new Set<AbortController>();
  #current: Run<K> | undefined;
  #started = false;

  /**
   * Creates a stopped refresher for a cache; nothing runs until `start()` or `runGeneration()`.
   *
   * @param options - the cache, the producer, and the schedule: values per generation, interval,
   *   concurrency, per-call timeout and retry delay
   * @throws TypeError when `options` has an unknown key, `cache` is not a {@link VarietyCache} or
   *   already has a refresher, `producer` is not a function, or a number option is not a number
   * @throws RangeError when `perGeneration` is below 1 or above the cache's `maxPerKey`,
   *   `concurrency` is below 1, `timeout` is not positive, or a duration is negative or NaN
   * @example
   * ```ts
   * const refresher = new Refresher({ cache, producer: (key, { signal }) => generate(key, signal) });
   * ```
   */
  constructor(options: RefresherOptions<K, V>) {
    this.#options = resolveRefresherOptions(options);
    this.#link = this.#options.link;
    this.#schedule = new SweepTimer(this.#options.interval, () => {
      void this.runGeneration();
    });
    this.#retry = new SweepTimer(this.#options.retryInterval, () => {
      this.#retry.stop();
      this.#retryFailed();
    });
  }

  /** Whether `start()` was called and `stop()` has not been since: the schedule is active. */
  get running(): boolean {
    return this.#started;
  }

  /**
   * Begins the schedule: one generation now, then one every `interval`, and retries of failed keys
   * `retryInterval` after a generation that had failures. A tick that finds a generation still
   * running is skipped. Calling it again while running does nothing.
   *
   * @example
   * ```ts
   * refresher.start(); // first generation now, the next in three hours
   * ```
   */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#schedule.start();
    void this.runGeneration();
  }

  /**
   * Ends the schedule and aborts every producer call in flight through its signal (reason: an
   * `AbortError` `DOMException`), the running generation's and `getOrGenerate`'s alike. Values of
   * aborted calls are not stored and their keys are not counted as failed. `start()` may be called
   * again later.
   *
   * @returns a promise that resolves once the running generation, if any, has wound down
   * @example
   * ```ts
   * process.on("SIGTERM", () => void refresher.stop());
   * ```
   */
  async stop(): Promise<void> {
    this.#started = false;
    this.#schedule.stop();
    this.#retry.stop();
    const reason = new DOMException("The Refresher was stopped.", "AbortError");
    for (const call of this.#liveCalls) call.abort(reason);
    await this.#abortCurrent(reason);
  }

  /**
   * Runs one full generation over the cache's key space now: `perGeneration` values per key, at
   * most `concurrency` calls at once. When a generation is already running, returns its promise
   * instead of starting another. It never rejects: failures are reported, recorded and retried.
   *
   * @returns a promise of the generation's report
   * @example
   * ```ts
   * const { added, failed } = await refresher.runGeneration();
   * ```
   */
  runGeneration(): Promise<GenerationReport<K>> {
    if (this.#current !== undefined) return this.#current.promise;
    const plan = this.#options.cache.keySpace.map((key) => ({
      key,
      identity: this.#link.identify(key),
      count: this.#options.perGeneration,
    }));
    return this.#begin(plan, false);
  }

  /**
   * Starts over, as the seed's `regenerate_all`: aborts the running generation (waiting for it to
   * wind down), empties the cache, forgets failed keys, then runs a fresh generation.
   *
   * @returns a promise of the fresh generation's report
   * @example
   * ```ts
   * await refresher.regenerateAll(); // every key holds perGeneration new values
   * ```
   */
  async regenerateAll(): Promise<GenerationReport<K>> {
    await this.#abortCurrent(new DOMException("The Refresher is regenerating.", "AbortError"));
    this.clear();
    return this.runGeneration();
  }

  /**
   * Empties the cache and forgets failed keys (cancelling their retry). Calls in flight keep
   * running, but their values are dropped when they arrive; calls a running generation starts
   * afterwards store theirs, and that generation records its failures when it ends.
   *
   * @example
   * ```ts
   * refresher.clear();
   * cache.size; // 0
   * ```
   */
  clear(): void {
    this.#options.cache.clear();
    this.#link.failed.clear();
    this.#retry.stop();
  }

  /**
   * Returns a cached value for the key, picked at random, or makes one live: a miss calls the
   * producer once however many callers wait (single flight), stores the value with generation `0`
   * and resolves every waiter with it. A failed or timed-out call rejects every waiter and stores
   * nothing.
   *
   * @param key - the key to serve; it need not belong to the key space
   * @returns a promise of the value
   * @throws TypeError synchronously when the key cannot be identified by the cache's `keyOf`
   * @example
   * ```ts
   * const code = await refresher.getOrGenerate(["javascript", "medium", 15]);
   * ```
   */
  getOrGenerate(key: K): Promise<V> {
    const { cache } = this.#options;
    if (cache.count(key) > 0) return Promise.resolve(cache.pick(key) as V);
    const identity = this.#link.identify(key);
    const pending = this.#live.get(identity);
    if (pending !== undefined) return pending;
    const generating = this.#generateLive(key, identity);
    this.#live.set(identity, generating);
    return generating;
  }

  /**
   * Lists the keys whose most recent generation failed and that await a retry.
   *
   * @returns the keys, in the order they first failed
   * @example
   * ```ts
   * refresher.failedKeys(); // [["python", "hard", 20]]
   * ```
   */
  failedKeys(): K[] {
    return [...this.#link.failed.values()].map((failure) => failure.key);
  }

  /**
   * Same as {@link Refresher.stop}, so a refresher declared with `await using` stops at the end of
   * its scope.
   *
   * @returns a promise that resolves once the running generation has wound down
   * @example
   * ```ts
   * {
   *   await using refresher = new Refresher({ cache, producer });
   *   refresher.start();
   * } // stopped here
   * ```
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  #begin(plan: readonly Plan<K>[], retry: boolean): Promise<GenerationReport<K>> {
    const run: Run<K> = {
      generation: this.#link.nextGeneration++,
      controller: new AbortController(),
      calls: new Set(),
      // Started a microtask later, so `#current` is set before the first producer call.
      promise: Promise.resolve()
        .then(() => this.#trace(run, plan, retry))
        .finally(() => {
          this.#current = undefined;
          this.#link.generating = false;
        }),
    };
    this.#current = run;
    this.#link.generating = true;
    return run.promise;
  }

  #trace(run: Run<K>, plan: readonly Plan<K>[], retry: boolean): Promise<GenerationReport<K>> {
    const execute = (): Promise<GenerationReport<K>> => this.#execute(run, plan, retry);
    if (!channels.refresh.hasSubscribers) return execute();
    const context: RefreshMessage = {
      cache: this.#link.name,
      generation: run.generation,
      retry,
      keys: plan.length,
    };
    return channels.refresh.tracePromise(execute, context);
  }

  async #execute(
    run: Run<K>,
    plan: readonly Plan<K>[],
    retry: boolean,
  ): Promise<GenerationReport<K>> {
    const startedAt = this.#link.now();
    const jobs = plan.flatMap((share) => Array.from({ length: share.count }, () => share));
    const failures = new Map<KeyIdentity, FailedKey<K>>();
    let calls = 0;
    let added = 0;
    const worker = async (job: Plan<K>): Promise<void> => {
      calls++;
      const outcome = await this.#produce(run, job.key);
      if (outcome === "added") added++;
      else if (outcome === "failed") countFailure(failures, job);
    };
    await runPool(jobs, this.#options.concurrency, worker, run.controller.signal);
    const aborted = run.controller.signal.aborted;
    const finishedAt = this.#link.now();
    if (!aborted) this.#settleFailures(plan, failures, finishedAt);
    const failed = [...failures.values()].map((failure) => failure.key);
    const { generation } = run;
    return {
      generation,
      retry,
      keys: plan.length,
      calls,
      added,
      failed,
      aborted,
      startedAt,
      finishedAt,
    };
  }

  async #produce(run: Run<K>, key: K): Promise<Outcome> {
    const controller = new AbortController();
    const epoch = this.#link.epoch;
    run.calls.add(controller);
    try {
      const value = await callProducer(
        this.#options.producer,
        key,
        this.#options.timeout,
        controller,
      );
      if (this.#link.epoch !== epoch) return "dropped";
      this.#options.cache.add(key, value, { generation: run.generation });
      return "added";
    } catch {
      return run.controller.signal.aborted ? "dropped" : "failed";
    } finally {
      run.calls.delete(controller);
    }
  }

  /** Replaces the failure records of the keys a generation covered with its own results. */
  #settleFailures(
    plan: readonly Plan<K>[],
    failures: ReadonlyMap<KeyIdentity, FailedKey<K>>,
    finishedAt: number,
  ): void {
    for (const share of plan) this.#link.failed.delete(share.identity);
    for (const [identity, failure] of failures) this.#link.failed.set(identity, failure);
    this.#link.lastGeneration = finishedAt;
    this.#retry.stop();
    if (this.#started && this.#link.failed.size > 0) this.#retry.start();
  }

  #retryFailed(): void {
    if (this.#current !== undefined || this.#link.failed.size === 0) return;
    const plan = [...this.#link.failed].map(([identity, failure]) => ({
      key: failure.key,
      identity,
      count: failure.missing,
    }));
    void this.#begin(plan, true);
  }

  async #abortCurrent(reason: DOMException): Promise<void> {
    for (let run = this.#current; run !== undefined; run = this.#current) {
      run.controller.abort(reason);
      for (const call of run.calls) call.abort(reason);
      await run.promise;
    }
  }

  async #generateLive(key: K, identity: KeyIdentity): Promise<V> {
    const controller = new AbortController();
    const epoch = this.#link.epoch;
    this.#liveCalls.add(controller);
    try {
      const value = await callProducer(
        this.#options.producer,
        key,
        this.#options.timeout,
        controller,
      );
      if (this.#link.epoch === epoch) this.#options.cache.add(key, value);
      return value;
    } finally {
      this.#liveCalls.delete(controller);
      this.#live.delete(identity);
    }
  }
}

function countFailure<K>(failures: Map<KeyIdentity, FailedKey<K>>, job: Plan<K>): void {
  const missing = (failures.get(job.identity)?.missing ?? 0) + 1;
  failures.set(job.identity, { key: job.key, missing });
}
