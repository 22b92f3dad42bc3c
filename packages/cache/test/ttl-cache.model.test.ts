// Model-based test: random sequences of operations run against TtlCache and against a plain
// reference model (a Map in recency order plus expiry times). Any difference in a returned value,
// the live contents, their recency order or the counters fails the property.
import fc from "fast-check";
import { describe, it } from "vitest";
import { TtlCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

type Key = number | string | null | undefined;

/** The reference: recency is Map insertion order (oldest first); nothing clever. */
class Model {
  readonly entries = new Map<Key, { value: number; expiresAt: number }>();
  hits = 0;
  misses = 0;
  evictions = 0;
  expirations = 0;
  now = 1_000;

  constructor(
    readonly ttl: number,
    readonly maxEntries: number,
  ) {}

  #live(key: Key): { value: number; expiresAt: number } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now) return entry;
    this.entries.delete(key);
    this.expirations++;
    return undefined;
  }

  get(key: Key): number | undefined {
    const entry = this.#live(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: Key): boolean {
    return this.#live(key) !== undefined;
  }

  set(key: Key, value: number, ttl = this.ttl): void {
    const expiresAt = ttl === Infinity ? Infinity : this.now + ttl;
    if (this.entries.has(key)) {
      this.entries.delete(key);
    } else if (this.entries.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      if (oldest.expiresAt > this.now) this.evictions++;
      else this.expirations++;
    }
    this.entries.set(key, { value, expiresAt });
  }

  delete(key: Key): boolean {
    const live = this.#live(key) !== undefined;
    this.entries.delete(key);
    return live;
  }

  prune(): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= this.now) {
        this.entries.delete(key);
        removed++;
      }
    }
    this.expirations += removed;
    return removed;
  }

  liveEntriesMostRecentFirst(): [Key, number][] {
    return [...this.entries]
      .filter(([, entry]) => entry.expiresAt > this.now)
      .map(([key, entry]): [Key, number] => [key, entry.value])
      .reverse();
  }
}

const key = fc.constantFrom<Key>(0, 1, 2, "1", "2", "__proto__", null, undefined);
const ttl = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 50 }),
  fc.constant(Infinity),
);
const operation = fc.oneof(
  fc.record({ op: fc.constant("get" as const), key }),
  fc.record({ op: fc.constant("has" as const), key }),
  fc.record({ op: fc.constant("set" as const), key, value: fc.integer(), ttl }),
  fc.record({ op: fc.constant("delete" as const), key }),
  fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant("prune" as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(
  cache: TtlCache<Key, number>,
  model: Model,
  step: Operation,
  advance: (ms: number) => void,
): [unknown, unknown] {
  switch (step.op) {
    case "get":
      return [cache.get(step.key), model.get(step.key)];
    case "has":
      return [cache.has(step.key), model.has(step.key)];
    case "set":
      cache.set(step.key, step.value, step.ttl === undefined ? undefined : { ttl: step.ttl });
      model.set(step.key, step.value, step.ttl);
      return [undefined, undefined];
    case "delete":
      return [cache.delete(step.key), model.delete(step.key)];
    case "advance":
      advance(step.ms);
      model.now += step.ms;
      return [undefined, undefined];
    case "prune":
      return [cache.prune(), model.prune()];
  }
}

describe("TtlCache against a reference model", () => {
  it("finds no difference over random operation sequences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Infinity)),
        fc.array(operation, { maxLength: 80 }),
        (defaultTtl, maxEntries, steps) => {
          const clock = createFakeClock(1_000);
          const cache = new TtlCache<Key, number>({
            ttl: defaultTtl,
            maxEntries,
            sweepInterval: 0,
            now: clock.now,
          });
          const model = new Model(defaultTtl, maxEntries);
          for (const step of steps) {
            const [actual, expected] = apply(cache, model, step, (ms) => {
              clock.advance(ms);
            });
            if (!Object.is(actual, expected)) {
              throw new Error(
                `${JSON.stringify(step)} returned ${String(actual)}, model ${String(expected)}`,
              );
            }
            const contents = [...cache.entries()];
            const modelContents = model.liveEntriesMostRecentFirst();
            const same =
              contents.length === modelContents.length &&
              contents.every(
                ([k, v], i) =>
                  Object.is(k, modelContents[i]?.[0]) && Object.is(v, modelContents[i]?.[1]),
              );
            if (!same) {
              throw new Error(
                `after ${JSON.stringify(step)}: ${String(contents)} vs ${String(modelContents)}`,
              );
            }
          }
          const stats = cache.stats();
          const counters = [stats.hits, stats.misses, stats.evictions, stats.expirations];
          const modelCounters = [model.hits, model.misses, model.evictions, model.expirations];
          if (counters.join() !== modelCounters.join()) {
            throw new Error(`counters ${counters.join()} vs model ${modelCounters.join()}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
