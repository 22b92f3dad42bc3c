// The TinyLFU policy's bookkeeping, seen from inside the cache: each entry's region is the store
// list it is in, the policy's tally of each region matches those lists, through random
// operations (removals of every kind included); and the hill climber grows the window when
// recency predicts reuse better than frequency.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CacheCore } from "../src/cache-core.js";
import { PROBATION, PROTECTED, WINDOW } from "../src/tiny-lfu.js";
import type { TinyLfu } from "../src/tiny-lfu.js";
import { resolveTtlCacheOptions } from "../src/ttl-cache-options.js";
import type { TtlCacheOptions } from "../src/ttl-cache-options.js";
import { createFakeClock } from "./support/fake-clock.js";
import type { FakeClock } from "./support/fake-clock.js";

type Core = CacheCore<number, number>;

function createCore(options: TtlCacheOptions<number, number>): Core {
  return new CacheCore(
    resolveTtlCacheOptions({ policy: "tinylfu", sweepInterval: 0, ...options }),
  );
}

function policyOf(core: Core): TinyLfu<number, number> {
  if (core.policy === undefined) throw new Error("not a tinylfu cache");
  return core.policy;
}

/** A read as TtlCache does it: a hit marks the entry used. */
function read(core: Core, key: number): boolean {
  const slot = core.liveSlot(key);
  if (slot === undefined) {
    core.miss(key);
    return false;
  }
  core.hit(key, slot);
  return true;
}

/** Walks each region's list and checks it against the policy's regions and tally. */
function assertConsistent(core: Core): void {
  const policy = policyOf(core);
  const walk = (region: number): [entries: number, size: number] => {
    let entries = 0;
    let size = 0;
    for (let slot = core.store.oldestIn(region); slot !== -1; slot = core.store.newer(slot)) {
      expect(policy.regionOf(slot)).toBe(region);
      entries++;
      size += core.sizes?.sizeOf(slot) ?? 0;
    }
    return [entries, size];
  };
  const [windowEntries, windowSize] = walk(WINDOW);
  const [protectedEntries, protectedSize] = walk(PROTECTED);
  const [probationEntries] = walk(PROBATION);
  expect(windowEntries + protectedEntries + probationEntries).toBe(core.store.size);
  expect(policy.tally).toEqual([windowEntries, windowSize, protectedEntries, protectedSize]);
}

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Runs one step on the core, as the TtlCache method of the same name would. */
function apply(core: Core, clock: FakeClock, s: Step): void {
  switch (s.op) {
    case "put":
      core.put(s.key, s.size, s.key % 3 === 0 ? Infinity : 20);
      return;
    case "read":
      read(core, s.key);
      return;
    case "delete":
      core.deleteKey(s.key);
      return;
    case "take": {
      const slot = core.liveSlot(s.key);
      if (slot !== undefined) core.take(s.key, slot);
      return;
    }
    case "advance":
      clock.advance(s.ms);
      return;
    case "prune":
      core.removeExpired();
      return;
    case "clear":
      core.removeAll();
  }
}

const step = fc.oneof(
  fc.record({
    op: fc.constant("put" as const),
    key: fc.nat(30),
    size: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ op: fc.constant("read" as const), key: fc.nat(30) }),
  fc.record({ op: fc.constant("delete" as const), key: fc.nat(30) }),
  fc.record({ op: fc.constant("take" as const), key: fc.nat(30) }),
  fc.record({ op: fc.constant("advance" as const), ms: fc.nat(10) }),
  fc.constant({ op: "prune" as const }),
  fc.constant({ op: "clear" as const }),
);

describe("TinyLfu bookkeeping", () => {
  it("keeps every entry in the list of its region, and its tally equal to the lists", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.array(step, { maxLength: 150 }),
        (maxEntries, sized, steps) => {
          const clock = createFakeClock();
          const core = createCore({
            maxEntries,
            ttl: 25,
            now: clock.now,
            ...(sized ? { maxSize: 20, sizeCalculation: (value: number) => value } : {}),
          });
          for (const s of steps) {
            apply(core, clock, s);
            assertConsistent(core);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("starts with a window of 1 % and grows it when reuse follows recency, not frequency", () => {
    const core = createCore({ maxEntries: 200, ttl: Infinity });
    const policy = policyOf(core);
    expect(policy.windowShare).toBe(0.01);
    // A third of the requests are new keys; the rest re-read one of the last 150 keys, each about
    // as often as any other: LRU hits nearly all of those, a frequency filter turns them away.
    let seed = 1;
    let newest = 0;
    for (let i = 0; i < 50_000; i++) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      const recent = newest - 1 - (seed % 150);
      const key = seed % 3 === 0 || recent < 0 ? newest++ : recent;
      if (!read(core, key)) core.put(key, 1, Infinity);
    }
    expect(policy.windowShare).toBeGreaterThan(0.5);
    assertConsistent(core);
  });

  it("keeps the window near 1 % where frequency pays (a fixed skewed set)", () => {
    const core = createCore({ maxEntries: 200, ttl: Infinity });
    const policy = policyOf(core);
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      const key = Math.floor(1_000 * (seed / 2 ** 32) ** 3); // skewed toward small keys
      if (!read(core, key)) core.put(key, 1, Infinity);
    }
    expect(policy.windowShare).toBeLessThan(0.15);
    assertConsistent(core);
  });
});
