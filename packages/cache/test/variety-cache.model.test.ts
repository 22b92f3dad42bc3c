// Model-based test: random sequences of add / pick / delete / prune / count / clock moves run
// against VarietyCache and against a plain reference model (arrays in add order, expiry times,
// lazy removal). Any difference in a returned value, the stored size, the listed contents and
// their order, or an entry id fails the property.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VarietyCache } from "../src/index.js";

/** The keys the commands draw from: the two tuples are distinct arrays with one identity. */
const KEYS: readonly unknown[] = ["a", 1, "1", ["x", 1], ["x", 1]];
const IDENTITY = [0, 1, 2, 3, 3];

interface Stored {
  readonly value: number;
  readonly expiresAt: number;
  readonly entryId: number;
}

/** The reference: one array per identity, oldest first; Map order is first-add order. */
class Model {
  readonly buckets = new Map<number, Stored[]>();
  now = 0;
  nextId = 1;
  size = 0;

  constructor(readonly maxPerKey: number) {}

  live(id: number): Stored[] {
    const stored = this.buckets.get(id) ?? [];
    const live = stored.filter((s) => s.expiresAt > this.now);
    this.size -= stored.length - live.length;
    if (live.length === 0) this.buckets.delete(id);
    else this.buckets.set(id, live);
    return live;
  }

  add(id: number, value: number, ttl: number | undefined): number {
    const live = this.live(id);
    const entryId = this.nextId++;
    live.push({ value, expiresAt: ttl === undefined ? Infinity : this.now + ttl, entryId });
    this.buckets.set(id, live);
    this.size++;
    while (live.length > this.maxPerKey) {
      live.shift();
      this.size--;
    }
    return entryId;
  }

  pick(id: number, r: number): number | undefined {
    const live = this.live(id);
    if (live.length === 0) return undefined;
    return live[Math.min(Math.floor(r * live.length), live.length - 1)]!.value;
  }

  delete(id: number): boolean {
    const live = this.live(id);
    this.buckets.delete(id);
    this.size -= live.length;
    return live.length > 0;
  }

  prune(): number {
    const before = this.size;
    for (const id of [...this.buckets.keys()]) this.live(id);
    return before - this.size;
  }

  list(): number[] {
    this.prune();
    return [...this.buckets.values()].flatMap((stored) => stored.map((s) => s.value));
  }
}

/** A wrong reference, for the test that shows the property can fail: beyond the cap it drops the
 * value just added instead of the oldest. */
class NewestPrunedModel extends Model {
  override add(id: number, value: number, ttl: number | undefined): number {
    const live = this.live(id);
    if (live.length < this.maxPerKey) return super.add(id, value, ttl);
    return this.nextId++;
  }
}

type Command =
  | { readonly op: "add"; readonly key: number; readonly ttl: number | undefined }
  | { readonly op: "pick"; readonly key: number; readonly r: number }
  | { readonly op: "delete" | "count"; readonly key: number }
  | { readonly op: "prune" | "list" }
  | { readonly op: "advance"; readonly ms: number };

const keyIndex = fc.integer({ min: 0, max: KEYS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("add" as const),
      key: keyIndex,
      ttl: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("pick" as const),
      key: keyIndex,
      r: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constantFrom("delete" as const, "count" as const),
      key: keyIndex,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("prune" as const, "list" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("advance" as const),
      ms: fc.integer({ min: 0, max: 20 }),
    }),
  },
);

function run(
  maxPerKey: number,
  commands: readonly Command[],
  model = new Model(maxPerKey),
): void {
  let r = 0;
  const cache = new VarietyCache<unknown, number>({
    maxPerKey,
    now: () => model.now,
    random: () => r,
    sweepInterval: 0,
  });
  commands.forEach((c, step) => {
    switch (c.op) {
      case "add":
        expect(
          cache.add(KEYS[c.key], step, c.ttl === undefined ? {} : { ttl: c.ttl }).entryId,
        ).toBe(model.add(IDENTITY[c.key]!, step, c.ttl));
        break;
      case "pick":
        r = c.r;
        expect(cache.pick(KEYS[c.key])).toBe(model.pick(IDENTITY[c.key]!, c.r));
        break;
      case "delete":
        expect(cache.delete(KEYS[c.key])).toBe(model.delete(IDENTITY[c.key]!));
        break;
      case "count":
        expect(cache.count(KEYS[c.key])).toBe(model.live(IDENTITY[c.key]!).length);
        break;
      case "prune":
        expect(cache.prune()).toBe(model.prune());
        break;
      case "list":
        expect(cache.list({ limit: Infinity }).map((e) => e.value)).toEqual(model.list());
        break;
      case "advance":
        model.now += c.ms;
        break;
    }
    expect(cache.size).toBe(model.size);
  });
  expect(cache.list({ limit: Infinity }).map((e) => e.value)).toEqual(model.list());
  expect(cache.size).toBe(model.size);
}

describe("VarietyCache against a reference model", () => {
  it("agrees on every add, pick, delete, count, prune and list", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(command, { maxLength: 80 }),
        (max, commands) => {
          run(max, commands);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("fails against a reference that prunes the newest value (the property can fail)", () => {
    const wrong = (maxPerKey: number, commands: readonly Command[]) => {
      run(maxPerKey, commands, new NewestPrunedModel(maxPerKey));
    };
    expect(() => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }), fc.array(command, { maxLength: 80 }), wrong),
        { numRuns: 200 },
      );
    }).toThrow(/Property failed/);
  });
});
