// Property test of the tinylfu policy. Which entry leaves a full cache is the policy's choice, so
// the reference here does not predict it; it checks what must hold whatever the choice: the
// bounds (maxEntries, maxSize) are never exceeded, no entry is lost (each one leaves with exactly
// one notice, so the live contents always equal "what was set, minus what was reported gone"),
// keys() terminates and lists each live key once, and the counters add up. Runs with and without
// a size bound, and with onEvict reactions that call the cache back (issue 19's re-entrancy).
import fc from "fast-check";
import { describe, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { EvictionReason } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

type Key = number | string | null;
const key: fc.Arbitrary<Key> = fc.constantFrom<Key>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, "1", null);

const operation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("get" as const), key }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("set" as const),
      key,
      ttl: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("has" as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("take" as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), key }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("advance" as const),
      ms: fc.integer({ min: 0, max: 20 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: "prune" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "clear" as const }) },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** What an onEvict reaction does: set the removed key back, set another key, delete, or nothing. */
const reaction = fc.oneof(
  fc.constant(undefined),
  fc.constant({ op: "restore" as const }),
  fc.record({ op: fc.constant("set" as const), key }),
  fc.record({ op: fc.constant("delete" as const), key }),
);
type Reaction = typeof reaction extends fc.Arbitrary<infer T> ? T : never;

interface Run {
  readonly maxEntries: number;
  /** `undefined` for a cache bounded by count alone. */
  readonly maxSize: number | undefined;
  readonly steps: readonly Operation[];
  readonly reactions: readonly Reaction[];
}

/** A stored value that has not left yet. Values are unique, so a notice names one entry. */
interface Stored {
  readonly key: Key;
  readonly expiresAt: number;
}

/** Walks keys(), failing instead of hanging if a recency list lost its end. */
function listKeys(cache: TtlCache<Key, number>, bound: number): Key[] {
  const keys: Key[] = [];
  for (const k of cache.keys()) {
    keys.push(k);
    if (keys.length > bound) throw new Error("keys() overruns");
  }
  return keys;
}

/** The size of a value when sizes are bounded: 1 to 3. */
const sizeOf = (value: number): number => (value % 3) + 1;

/** Runs one sequence, throwing on the first broken invariant. */
function check(run: Run): void {
  const clock = createFakeClock();
  /** Every value stored and not yet reported gone (or taken), by value. */
  const stored = new Map<number, Stored>();
  /** The latest value set for each key, while it is stored. */
  const current = new Map<Key, number>();
  const counts = { evicted: 0, rejected: 0, expired: 0, deleted: 0 };
  let nextValue = 0;
  let reactions = 0;
  const onEvict = (k: Key, value: number, reason: EvictionReason): void => {
    forget(k, value, reason);
    const reactionStep = run.reactions[reactions++];
    if (reactionStep === undefined) return;
    if (reactionStep.op === "restore") store(k, undefined);
    else if (reactionStep.op === "set") store(reactionStep.key, undefined);
    else cache.delete(reactionStep.key);
  };
  const cache: TtlCache<Key, number> = new TtlCache<Key, number>({
    policy: "tinylfu",
    maxEntries: run.maxEntries,
    ttl: 30,
    sweepInterval: 0,
    now: clock.now,
    onEvict,
    ...(run.maxSize === undefined ? {} : { maxSize: run.maxSize, sizeCalculation: sizeOf }),
  });
  /** Each value leaves once: a second notice, or one for a value never stored, fails. */
  function forget(k: Key, value: number, reason: EvictionReason): void {
    const entry = stored.get(value);
    if (entry?.key !== k) throw new Error(`notice ${reason} for ${String(k)}=${value}`);
    const expired = entry.expiresAt <= clock.now();
    if (reason === "expired" && !expired) throw new Error(`${String(k)} expired early`);
    if (["evicted", "rejected", "deleted"].includes(reason) && expired) {
      throw new Error(`expired ${String(k)} left as ${reason}`);
    }
    stored.delete(value);
    if (current.get(k) === value) current.delete(k);
    if (reason in counts) counts[reason as keyof typeof counts]++;
  }
  function store(k: Key, ttl: number | undefined): void {
    const value = nextValue++;
    stored.set(value, { key: k, expiresAt: clock.now() + (ttl ?? 30) });
    current.set(k, value);
    cache.set(k, value, ttl === undefined ? undefined : { ttl });
  }
  function take(k: Key): void {
    const value = cache.take(k);
    if (value === undefined) return;
    if (current.get(k) !== value) throw new Error(`took ${String(k)}=${value}`);
    stored.delete(value);
    current.delete(k);
    counts.deleted++;
  }
  for (const step of run.steps) {
    apply(step);
    assertInvariants();
  }
  assertCounters();

  function apply(step: Operation): void {
    switch (step.op) {
      case "set":
        store(step.key, step.ttl);
        return;
      case "take":
        take(step.key);
        return;
      case "advance":
        clock.advance(step.ms);
        return;
      case "get":
        cache.get(step.key);
        return;
      case "has":
        cache.has(step.key);
        return;
      case "delete":
        cache.delete(step.key);
        return;
      case "prune":
        cache.prune();
        return;
      case "clear":
        cache.clear();
    }
  }

  function assertInvariants(): void {
    if (cache.size > run.maxEntries) throw new Error(`size ${cache.size} > ${run.maxEntries}`);
    if (run.maxSize !== undefined && cache.totalSize > run.maxSize) {
      throw new Error(`totalSize ${cache.totalSize} > ${run.maxSize}`);
    }
    // One stored value per key, and the cache holds exactly those (expired ones included).
    if (stored.size !== current.size || cache.size !== stored.size) {
      throw new Error(`${cache.size} stored, ${stored.size} values not reported gone`);
    }
    const keys = listKeys(cache, Math.min(run.maxEntries, 100));
    const live = [...current].filter(([, v]) => (stored.get(v)?.expiresAt ?? 0) > clock.now());
    if (new Set(keys).size !== keys.length || keys.length !== live.length) {
      throw new Error(`keys ${String(keys)}, expected ${String(live.map(([k]) => k))}`);
    }
    for (const [k, value] of live) {
      if (cache.peek(k) !== value) throw new Error(`lost ${String(k)}=${value}`);
    }
  }

  function assertCounters(): void {
    const stats = cache.stats();
    const actual = [stats.evictions, stats.rejections, stats.expirations, stats.deletes].join();
    const wanted = [counts.evicted, counts.rejected, counts.expired, counts.deleted].join();
    if (actual !== wanted) throw new Error(`counters ${actual} vs ${wanted}`);
  }
}

const steps = fc.array(operation, { maxLength: 120 });

describe("TtlCache with policy tinylfu, against its invariants", () => {
  it("keeps maxEntries, loses no entry, and keys() terminates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), steps, (maxEntries, ops) => {
        check({ maxEntries, maxSize: undefined, steps: ops, reactions: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps maxSize too when entries have sizes", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(Infinity)),
        fc.integer({ min: 3, max: 10 }),
        steps,
        (maxEntries, maxSize, ops) => {
          check({ maxEntries, maxSize, steps: ops, reactions: [] });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("holds with onEvict reactions that call the cache back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 3, max: 10 }), { nil: undefined }),
        steps,
        fc.array(reaction, { maxLength: 40 }),
        (maxEntries, maxSize, ops, reactions) => {
          check({ maxEntries, maxSize, steps: ops, reactions });
        },
      ),
      { numRuns: 500 },
    );
  });
});
