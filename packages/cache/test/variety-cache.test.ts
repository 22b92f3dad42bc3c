// VarietyCache: many values per key, the cap and its prune order, uniform pick, list, stats over a
// declared key space, key identity for tuples, and bad options. Time and randomness are injected.
import { afterEach, describe, expect, it, vi } from "vitest";
import { VarietyCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";
import { seededRandom } from "./support/seeded-random.js";

type Combo = [language: string, difficulty: string, lines: number];

afterEach(() => {
  vi.useRealTimers();
});

/** A random source that returns what the test last put in `next`. */
function scriptedRandom(): { next: number; random: () => number } {
  const source = {
    next: 0,
    random: () => source.next,
  };
  return source;
}

describe("add and the cap", () => {
  it("appends values under a key, each with an increasing entry id and the clock's time", () => {
    const clock = createFakeClock(500);
    const cache = new VarietyCache<string, string>({ now: clock.now });
    const first = cache.add("k", "a", { generation: 1 });
    clock.advance(10);
    const second = cache.add("k", "b");
    expect(first).toEqual({
      key: "k",
      value: "a",
      generation: 1,
      entryId: 1,
      addedAt: 500,
      expiresAt: Infinity,
    });
    expect(second).toMatchObject({ value: "b", generation: 0, entryId: 2, addedAt: 510 });
    expect(Object.isFrozen(first)).toBe(true);
    expect(cache.count("k")).toBe(2);
    expect(cache.size).toBe(2);
  });

  it("keeps 12 values per key by default and prunes the oldest first", () => {
    const cache = new VarietyCache<string, number>();
    expect(cache.maxPerKey).toBe(12);
    for (let i = 1; i <= 15; i++) cache.add("k", i);
    expect(cache.count("k")).toBe(12);
    expect(cache.list({ key: "k" }).map((e) => e.value)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(cache.size).toBe(12);
  });

  it("prunes per key: a full key never costs another key a value", () => {
    const cache = new VarietyCache<string, number>({ maxPerKey: 2 });
    cache.add("a", 1);
    cache.add("b", 1);
    cache.add("a", 2);
    cache.add("a", 3);
    expect(cache.list({ key: "a" }).map((e) => e.value)).toEqual([2, 3]);
    expect(cache.list({ key: "b" }).map((e) => e.value)).toEqual([1]);
  });

  it("prunes in add order across generations, not by generation number", () => {
    const cache = new VarietyCache<string, string>({ maxPerKey: 3 });
    cache.add("k", "g5", { generation: 5 });
    cache.add("k", "g2", { generation: 2 });
    cache.add("k", "g9", { generation: 9 });
    cache.add("k", "g1", { generation: 1 });
    expect(cache.list({ key: "k" }).map((e) => e.value)).toEqual(["g2", "g9", "g1"]);
  });

  it("with maxPerKey: Infinity keeps every value", () => {
    const cache = new VarietyCache<string, number>({ maxPerKey: Infinity });
    for (let i = 0; i < 100; i++) cache.add("k", i);
    expect(cache.count("k")).toBe(100);
  });

  it("rejects bad per-call options and leaves the cache unchanged", () => {
    const cache = new VarietyCache<string, number>();
    expect(() => cache.add("k", 1, { generation: -1 })).toThrow(RangeError);
    expect(() => cache.add("k", 1, { generation: 1.5 })).toThrow(/`generation`/);
    expect(() => cache.add("k", 1, { ttl: -1 })).toThrow(/`ttl`/);
    expect(() => cache.add("k", 1, { tll: 5 } as never)).toThrow(/unknown option `tll`/);
    expect(cache.size).toBe(0);
  });
});

describe("pick", () => {
  it("maps the random draw onto the key's values, oldest first", () => {
    const source = scriptedRandom();
    const cache = new VarietyCache<string, number>({ random: source.random });
    for (let i = 0; i < 12; i++) cache.add("k", i);
    const draw = (r: number) => {
      source.next = r;
      return cache.pick("k");
    };
    expect(draw(0)).toBe(0);
    expect(draw(0.5)).toBe(6);
    expect(draw(11 / 12)).toBe(11);
    expect(draw(0.999_999)).toBe(11);
  });

  it("never indexes past the end, even if the random source returns 1", () => {
    let next = 0;
    const cache = new VarietyCache<string, number>({ random: () => next });
    cache.add("k", 1);
    cache.add("k", 2);
    next = 1;
    expect(cache.pick("k")).toBe(2);
  });

  it("returns undefined for a key with no values; count tells a stored undefined apart", () => {
    const cache = new VarietyCache<string, string | undefined>();
    expect(cache.pick("absent")).toBeUndefined();
    expect(cache.count("absent")).toBe(0);
    cache.add("there", undefined);
    expect(cache.pick("there")).toBeUndefined();
    expect(cache.count("there")).toBe(1);
  });

  describe("uniformity (chi-square goodness of fit)", () => {
    // 12 values (the default cap) → 12 categories → 11 degrees of freedom. Significance level
    // α = 0.01: the critical value is the 0.99 quantile of χ²(11) = 24.725 (scipy.stats.chi2.ppf).
    // A fair picker exceeds it for 1% of seeds; the seed is fixed, so the outcome is reproducible.
    const CATEGORIES = 12;
    const DEGREES_OF_FREEDOM = CATEGORIES - 1;
    const CRITICAL_VALUE_ALPHA_001 = 24.725;
    const DRAWS = 120_000;

    function chiSquare(counts: readonly number[], draws: number): number {
      const expected = draws / counts.length;
      return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    }

    function histogram(draw: () => number): number[] {
      const counts = Array.from({ length: CATEGORIES }, () => 0);
      for (let i = 0; i < DRAWS; i++) counts[draw()]!++;
      return counts;
    }

    it(`pick passes at α = 0.01 with ${DEGREES_OF_FREEDOM} degrees of freedom`, () => {
      const cache = new VarietyCache<string, number>({ random: seededRandom(20_240_601) });
      for (let i = 0; i < CATEGORIES; i++) cache.add("k", i);
      const counts = histogram(() => cache.pick("k")!);
      expect(counts.every((c) => c > 0)).toBe(true);
      expect(chiSquare(counts, DRAWS)).toBeLessThan(CRITICAL_VALUE_ALPHA_001);
    });

    it("has the power to reject a subtly biased picker (the test can fail)", () => {
      // The classic rounding bug: Math.round gives the first and last value half a share each.
      const random = seededRandom(20_240_601);
      const counts = histogram(() => Math.round(random() * (CATEGORIES - 1)));
      expect(chiSquare(counts, DRAWS)).toBeGreaterThan(CRITICAL_VALUE_ALPHA_001);
    });

    it("rejects a picker that never reaches the newest value", () => {
      const random = seededRandom(7);
      const counts = histogram(() => Math.floor(random() * (CATEGORIES - 1)));
      expect(chiSquare(counts, DRAWS)).toBeGreaterThan(CRITICAL_VALUE_ALPHA_001);
    });
  });
});

describe("list", () => {
  function filled(): VarietyCache<Combo, string> {
    const cache = new VarietyCache<Combo, string>();
    cache.add(["python", "easy", 10], "p1", { generation: 1 });
    cache.add(["go", "hard", 20], "g1", { generation: 1 });
    cache.add(["python", "easy", 10], "p2", { generation: 2 });
    cache.add(["python", "hard", 15], "p3", { generation: 2 });
    return cache;
  }

  it("groups by key in first-add order, oldest value first", () => {
    expect(
      filled()
        .list()
        .map((e) => e.value),
    ).toEqual(["p1", "p2", "g1", "p3"]);
  });

  it("lists one key, filters entries, and limits", () => {
    const cache = filled();
    expect(cache.list({ key: ["python", "easy", 10] }).map((e) => e.value)).toEqual(["p1", "p2"]);
    const python = cache.list({ filter: (e) => e.key[0] === "python" });
    expect(python.map((e) => e.value)).toEqual(["p1", "p2", "p3"]);
    expect(cache.list({ filter: (e) => e.generation === 2, limit: 1 })).toHaveLength(1);
    expect(cache.list({ limit: 1 }).map((e) => e.value)).toEqual(["p1"]);
    expect(cache.list({ limit: 0 })).toEqual([]);
    expect(cache.list({ key: ["rust", "easy", 10] })).toEqual([]);
  });

  it("returns 50 entries by default, as the seed did", () => {
    const cache = new VarietyCache<number, number>({ maxPerKey: 10 });
    for (let i = 0; i < 80; i++) cache.add(i % 8, i);
    expect(cache.list()).toHaveLength(50);
    expect(cache.list({ limit: Infinity })).toHaveLength(80);
  });

  it("accepts undefined as a key to list", () => {
    const cache = new VarietyCache<string | undefined, number>();
    cache.add(undefined, 1);
    cache.add("x", 2);
    expect(cache.list({ key: undefined }).map((e) => e.value)).toEqual([1]);
  });

  it("rejects bad options", () => {
    const cache = filled();
    expect(() => cache.list({ limit: -1 })).toThrow(/`limit`/);
    expect(() => cache.list({ filter: "python" as never })).toThrow(
      /`filter` must be a function/,
    );
    expect(() => cache.list({ language: "python" } as never)).toThrow(/unknown option/);
  });
});

describe("delete and clear", () => {
  it("delete removes every value of one key and reports whether there was one", () => {
    const cache = new VarietyCache<string, number>();
    cache.add("a", 1);
    cache.add("a", 2);
    cache.add("b", 3);
    expect(cache.delete("a")).toBe(true);
    expect(cache.delete("a")).toBe(false);
    expect(cache.count("a")).toBe(0);
    expect(cache.size).toBe(1);
    expect(cache.pick("b")).toBe(3);
  });

  it("clear removes everything, and entry ids keep counting", () => {
    const cache = new VarietyCache<string, number>();
    cache.add("a", 1);
    cache.add("b", 2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.list()).toEqual([]);
    expect(cache.add("a", 3).entryId).toBe(3);
  });
});

describe("key identity", () => {
  it("files equal tuples together by default (JSON identity)", () => {
    const cache = new VarietyCache<Combo, string>();
    cache.add(["python", "easy", 10], "a");
    cache.add(["python", "easy", 10], "b");
    expect(cache.count(["python", "easy", 10])).toBe(2);
    expect(cache.count(["python", "easy", 15])).toBe(0);
    expect(cache.list()[1]?.key).toEqual(["python", "easy", 10]);
  });

  it("keeps primitives apart as Map keys do: 1 and '1' differ", () => {
    const cache = new VarietyCache<unknown, string>();
    cache.add(1, "number");
    cache.add("1", "string");
    cache.add(null, "null");
    cache.add(true, "boolean");
    expect(cache.pick(1)).toBe("number");
    expect(cache.pick("1")).toBe("string");
    expect(cache.pick(null)).toBe("null");
    expect(cache.count(true)).toBe(1);
  });

  it("throws a TypeError asking for keyOf when a key is an object or a nested tuple", () => {
    const cache = new VarietyCache<unknown, string>();
    expect(() => cache.add({ language: "python" }, "x")).toThrow(/an object.*`keyOf`/);
    expect(() => cache.add([["python"], "easy"], "x")).toThrow(TypeError);
    expect(() => cache.add(["python", undefined], "x")).toThrow(TypeError);
    expect(() => cache.add([NaN], "x")).toThrow(TypeError);
    expect(() => cache.pick(() => 1)).toThrow(/a function/);
    expect(cache.size).toBe(0);
  });

  it("uses a keyOf option for object keys, and checks what it returns", () => {
    interface Combination {
      language: string;
      lines: number;
    }
    const cache = new VarietyCache<Combination, string>({
      keyOf: (c) => `${c.language}/${c.lines}`,
    });
    cache.add({ language: "go", lines: 10 }, "a");
    expect(cache.pick({ language: "go", lines: 10 })).toBe("a");
    const broken = new VarietyCache<string, string>({ keyOf: () => ({}) as never });
    expect(() => broken.add("k", "v")).toThrow(/`keyOf` must return a string or a number/);
  });
});

describe("stats", () => {
  const languages = ["python", "go"];
  const difficulties = ["easy", "medium", "hard"];
  const lineCounts = [10, 15, 20];
  const keySpace: Combo[] = languages.flatMap((language) =>
    difficulties.flatMap((difficulty) =>
      lineCounts.map((lines): Combo => [language, difficulty, lines]),
    ),
  );

  it("reports coverage of a declared language × difficulty × lines key space", () => {
    const cache = new VarietyCache<Combo, string>({ keySpace, maxPerKey: 12 });
    expect(cache.keySpace).toHaveLength(18);
    for (let i = 0; i < 3; i++) cache.add(["python", "easy", 10], `p${i}`);
    cache.add(["go", "hard", 20], "g");
    cache.add(["rust", "easy", 10], "outside the key space");
    expect(cache.stats()).toEqual({
      entries: 5,
      keysCovered: 3,
      keySpaceSize: 18,
      keySpaceCovered: 2,
      coverage: 2 / 18,
      entryCoverage: 4 / (18 * 12),
      averagePerKey: 5 / 3,
      failedKeys: 0,
      lastGeneration: undefined,
      generationInProgress: false,
    });
  });

  it("counts a key space's duplicates once", () => {
    const cache = new VarietyCache<Combo, string>({ keySpace: [...keySpace, ...keySpace] });
    expect(cache.stats().keySpaceSize).toBe(18);
  });

  it("reaches full coverage when every key holds maxPerKey values", () => {
    const cache = new VarietyCache<Combo, number>({ keySpace, maxPerKey: 2 });
    for (const key of keySpace) for (let i = 0; i < 3; i++) cache.add(key, i);
    const stats = cache.stats();
    expect(stats).toMatchObject({ entries: 36, coverage: 1, entryCoverage: 1, averagePerKey: 2 });
  });

  it("leaves key-space figures undefined without a key space, and divides nothing by zero", () => {
    const cache = new VarietyCache<string, number>();
    expect(cache.stats()).toMatchObject({
      entries: 0,
      keysCovered: 0,
      keySpaceSize: undefined,
      keySpaceCovered: undefined,
      coverage: undefined,
      entryCoverage: undefined,
      averagePerKey: 0,
    });
  });

  it("reports entryCoverage 0 when maxPerKey is Infinity", () => {
    const cache = new VarietyCache<string, number>({ keySpace: ["a"], maxPerKey: Infinity });
    cache.add("a", 1);
    expect(cache.stats()).toMatchObject({ coverage: 1, entryCoverage: 0 });
  });
});

describe("per-value TTL (TtlCache's clock and sweep rules)", () => {
  it("never returns an expired value and removes it when touched", () => {
    const clock = createFakeClock();
    const cache = new VarietyCache<string, string>({
      now: clock.now,
      ttl: 100,
      sweepInterval: 0,
    });
    cache.add("k", "old");
    clock.advance(50);
    cache.add("k", "new");
    clock.advance(50);
    expect(cache.size).toBe(2); // not touched yet
    expect(cache.pick("k")).toBe("new");
    expect(cache.size).toBe(1);
    expect(cache.list().map((e) => e.value)).toEqual(["new"]);
    clock.advance(50);
    expect(cache.count("k")).toBe(0);
    expect(cache.pick("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("treats ttl 0 as already expired and lets a per-call ttl override the default", () => {
    const clock = createFakeClock();
    const cache = new VarietyCache<string, string>({ now: clock.now, sweepInterval: 0 });
    cache.add("k", "gone", { ttl: 0 });
    cache.add("k", "forever");
    const short = cache.add("k", "short", { ttl: 10 });
    expect(short.expiresAt).toBe(clock.now() + 10);
    expect(cache.list({ key: "k" }).map((e) => e.value)).toEqual(["forever", "short"]);
    clock.advance(10);
    expect(cache.list({ key: "k" }).map((e) => e.value)).toEqual(["forever"]);
  });

  it("drops expired values before applying the cap, so they never cost a live value its place", () => {
    const clock = createFakeClock();
    const cache = new VarietyCache<string, string>({
      now: clock.now,
      maxPerKey: 2,
      sweepInterval: 0,
    });
    cache.add("k", "live");
    cache.add("k", "brief", { ttl: 5 });
    clock.advance(5);
    cache.add("k", "newer");
    expect(cache.list({ key: "k" }).map((e) => e.value)).toEqual(["live", "newer"]);
  });

  it("prune removes every expired value now and returns how many", () => {
    const clock = createFakeClock();
    const cache = new VarietyCache<string, number>({ now: clock.now, sweepInterval: 0 });
    expect(cache.prune()).toBe(0);
    cache.add("a", 1, { ttl: 10 });
    cache.add("a", 2, { ttl: 20 });
    cache.add("b", 3, { ttl: 10 });
    cache.add("c", 4);
    clock.advance(10);
    expect(cache.prune()).toBe(2);
    expect(cache.size).toBe(2);
    expect(cache.stats().keysCovered).toBe(2);
  });

  it("sweeps in the background on one unref'd timer, armed only while a value can expire", () => {
    vi.useFakeTimers();
    const spy = vi.spyOn(globalThis, "setTimeout");
    const cache = new VarietyCache<string, number>({ now: Date.now, sweepInterval: 100 });
    cache.add("forever", 1);
    expect(spy).not.toHaveBeenCalled();
    cache.add("a", 1, { ttl: 50 });
    cache.add("b", 2, { ttl: 150 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect((spy.mock.results[0]?.value as NodeJS.Timeout).hasRef()).toBe(false);
    vi.advanceTimersByTime(100);
    expect(cache.size).toBe(2);
    vi.advanceTimersByTime(100);
    expect(cache.size).toBe(1);
    expect(vi.getTimerCount()).toBe(0); // nothing left to expire: the timer is gone
    cache.close();
  });

  it("stops the timer on clear and for good on close (also via using)", () => {
    vi.useFakeTimers();
    const cache = new VarietyCache<string, number>({ now: Date.now, ttl: 1000 });
    cache.add("a", 1);
    expect(vi.getTimerCount()).toBe(1);
    cache.clear();
    expect(vi.getTimerCount()).toBe(0);
    {
      using scoped = cache;
      scoped.add("b", 2);
      expect(vi.getTimerCount()).toBe(1);
    }
    expect(vi.getTimerCount()).toBe(0);
    cache.add("c", 3);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(cache.count("c")).toBe(0); // still expires lazily
  });
});

describe("options", () => {
  it.each([
    [{ maxPerKey: 0 }, RangeError, /`maxPerKey` must be a whole number from 1/],
    [{ maxPerKey: -3 }, RangeError, /`maxPerKey`/],
    [{ maxPerKey: 2.5 }, RangeError, /`maxPerKey`/],
    [{ maxPerKey: "12" }, TypeError, /`maxPerKey` must be a number/],
    [{ ttl: -1 }, RangeError, /`ttl`/],
    [{ sweepInterval: NaN }, RangeError, /`sweepInterval`/],
    [{ keyOf: "json" }, TypeError, /`keyOf` must be a function/],
    [{ keySpace: 5 }, TypeError, /`keySpace` must be an iterable/],
    [{ keySpace: null }, TypeError, /`keySpace` must be an iterable/],
    [{ keySpace: [{ a: 1 }] }, TypeError, /`keyOf`/],
    [{ now: () => "soon" }, TypeError, /`now` must return a finite number/],
    [{ random: () => 1 }, TypeError, /`random` must return a number in \[0, 1\)/],
    [{ random: () => -0.5 }, TypeError, /`random`/],
    [{ random: () => NaN }, TypeError, /`random`/],
    [{ random: 0.5 }, TypeError, /`random` must be a function/],
    [{ name: "" }, TypeError, /`name`/],
    [{ maxperkey: 3 }, TypeError, /unknown option `maxperkey`/],
  ])("rejects %o", (options, type, message) => {
    const build = () => new VarietyCache(options as never);
    expect(build).toThrow(type);
    expect(build).toThrow(message);
    expect(build).toThrow(/^VarietyCache: /);
  });

  it("rejects options that are not an object", () => {
    expect(() => new VarietyCache([] as never)).toThrow(/options must be an object/);
  });

  it("accepts a key space from any iterable, such as a generator", () => {
    function* combos(): Generator<Combo> {
      yield ["go", "easy", 10];
      yield ["go", "easy", 15];
    }
    const cache = new VarietyCache<Combo, string>({ keySpace: combos() });
    expect(cache.keySpace).toEqual([
      ["go", "easy", 10],
      ["go", "easy", 15],
    ]);
    expect(Object.isFrozen(cache.keySpace)).toBe(true);
  });
});
