/**
 * Drives TtlCache and the reference {@link CacheModel} through the same random steps and fails on
 * the first difference: a returned value, the live contents and their recency order, or the
 * counters. Shared by the model-based tests, which differ only in the cache's options and
 * callbacks.
 */
import fc from "fast-check";
import { TtlCache } from "../../src/index.js";
import type { EvictionReason } from "../../src/index.js";
import { CacheModel } from "./cache-model.js";
import type { ModelKey } from "./cache-model.js";
import { createFakeClock } from "./fake-clock.js";

/** Keys a careless cache would confuse: `1` and `"1"`, `"__proto__"`, `null` and `undefined`. */
export const modelKey: fc.Arbitrary<ModelKey> = fc.constantFrom<ModelKey>(
  0,
  1,
  2,
  "1",
  "2",
  "__proto__",
  null,
  undefined,
);

const ttl = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 50 }),
  fc.constant(Infinity),
);

/** One step of a run. */
export const modelOperation = fc.oneof(
  fc.record({ op: fc.constant("get" as const), key: modelKey }),
  fc.record({ op: fc.constant("has" as const), key: modelKey }),
  fc.record({ op: fc.constant("peek" as const), key: modelKey }),
  fc.record({ op: fc.constant("take" as const), key: modelKey }),
  fc.record({ op: fc.constant("set" as const), key: modelKey, value: fc.integer(), ttl }),
  fc.record({ op: fc.constant("delete" as const), key: modelKey }),
  fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant("prune" as const) }),
  fc.record({ op: fc.constant("clear" as const) }),
);

/** A step of a run, as {@link modelOperation} generates it. */
export type ModelOperation = typeof modelOperation extends fc.Arbitrary<infer T> ? T : never;

/** Something either side can be driven by: the cache and the model share these methods. */
export interface Driven {
  get(key: ModelKey): number | undefined;
  has(key: ModelKey): boolean;
  peek(key: ModelKey): number | undefined;
  take(key: ModelKey): number | undefined;
  delete(key: ModelKey): boolean;
  prune(): number;
  clear(): void;
  set(key: ModelKey, value: number, ttl?: number): void;
}

/**
 * Runs one step on one side.
 *
 * @param side - the cache (wrapped) or the model
 * @param step - the step
 * @returns what the step returned
 */
export function applyStep(
  side: Driven,
  step: Exclude<ModelOperation, { op: "advance" }>,
): unknown {
  switch (step.op) {
    case "get":
      return side.get(step.key);
    case "has":
      return side.has(step.key);
    case "peek":
      return side.peek(step.key);
    case "take":
      return side.take(step.key);
    case "set":
      side.set(step.key, step.value, step.ttl);
      return undefined;
    case "delete":
      return side.delete(step.key);
    case "prune":
      return side.prune();
    case "clear":
      side.clear();
      return undefined;
  }
}

/** What a run needs besides its steps. */
export interface ModelRun {
  readonly defaultTtl: number;
  readonly maxEntries: number;
  /** The cache's `staleWhileRevalidate` (the model keeps expired entries that long). */
  readonly staleWindow?: number;
  readonly steps: readonly ModelOperation[];
  /**
   * Builds the listener of one side: the same reactions for both, each calling back the side it
   * is given. Without it, the cache has no `onEvict`.
   */
  readonly listener?: (
    side: Driven,
  ) => (key: ModelKey, value: number, reason: EvictionReason) => void;
}

/** Wraps a cache so it is driven like the model (`set` takes a bare ttl). */
function drive(cache: TtlCache<ModelKey, number>): Driven {
  return {
    get: (key) => cache.get(key),
    has: (key) => cache.has(key),
    peek: (key) => cache.peek(key),
    take: (key) => cache.take(key),
    delete: (key) => cache.delete(key),
    prune: () => cache.prune(),
    clear: () => {
      cache.clear();
    },
    set: (key, value, ttl) => {
      cache.set(key, value, ttl === undefined ? undefined : { ttl });
    },
  };
}

/**
 * Runs the steps on a fresh cache and a fresh model, throwing on the first difference.
 *
 * @param run - options and steps
 * @returns the cache, for further checks
 * @throws Error describing the first difference
 */
export function runAgainstModel(run: ModelRun): TtlCache<ModelKey, number> {
  const clock = createFakeClock(1_000);
  const model = new CacheModel(run.defaultTtl, run.maxEntries, run.staleWindow);
  // The cache's onEvict is built from the wrapped cache, which needs the cache first.
  const hook: { listener?: (key: ModelKey, value: number, reason: EvictionReason) => void } = {};
  const cache = new TtlCache<ModelKey, number>({
    ttl: run.defaultTtl,
    maxEntries: run.maxEntries,
    sweepInterval: 0,
    now: clock.now,
    staleWhileRevalidate: run.staleWindow ?? 0,
    ...(run.listener === undefined
      ? {}
      : { onEvict: (key, value, reason) => hook.listener?.(key, value, reason) }),
  });
  const cacheSide = drive(cache);
  if (run.listener !== undefined) {
    hook.listener = run.listener(cacheSide);
    model.listener = run.listener(model);
  }
  for (const step of run.steps) {
    if (step.op === "advance") {
      clock.advance(step.ms);
      model.now += step.ms;
      continue;
    }
    const actual = applyStep(cacheSide, step);
    const expected = applyStep(model, step);
    if (!Object.is(actual, expected)) {
      throw new Error(
        `${JSON.stringify(step)} returned ${String(actual)}, model ${String(expected)}`,
      );
    }
    assertSameContents(cache, model, step);
  }
  assertSameCounters(cache, model);
  return cache;
}

function assertSameContents(
  cache: TtlCache<ModelKey, number>,
  model: CacheModel,
  step: ModelOperation,
): void {
  const contents = [...cache.entries()];
  const expected = model.liveEntriesMostRecentFirst();
  const same =
    contents.length === expected.length &&
    contents.every(
      ([k, v], i) => Object.is(k, expected[i]?.[0]) && Object.is(v, expected[i]?.[1]),
    );
  if (!same) {
    throw new Error(`after ${JSON.stringify(step)}: ${String(contents)} vs ${String(expected)}`);
  }
  if (cache.size !== model.entries.size || cache.size > model.maxEntries) {
    throw new Error(`after ${JSON.stringify(step)}: size ${cache.size} vs ${model.entries.size}`);
  }
}

function assertSameCounters(cache: TtlCache<ModelKey, number>, model: CacheModel): void {
  const { hits, misses, sets, deletes, evictions, expirations } = cache.stats();
  const counters = [hits, misses, sets, deletes, evictions, expirations].join();
  const expected = [
    model.hits,
    model.misses,
    model.sets,
    model.deletes,
    model.evictions,
    model.expirations,
  ].join();
  if (counters !== expected) throw new Error(`counters ${counters} vs model ${expected}`);
}
