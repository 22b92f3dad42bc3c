import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShard, selectShard, ShardError } from "../../src/shard/parse-shard.js";

describe("parseShard", () => {
  it("reads i/n", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard(" 1/1 ")).toEqual({ index: 1, count: 1 });
  });

  it.each(["3/2", "0/2", "1/0", "1", "a/b", "1/2/3", "-1/2", "1.5/2", ""])(
    "refuses %j",
    (value) => {
      expect(() => parseShard(value)).toThrow(ShardError);
      expect(() => parseShard(value)).toThrow(/expected i\/n with whole numbers 1 <= i <= n/);
    },
  );
});

describe("selectShard", () => {
  it("deals sorted items round-robin", () => {
    const items = ["e", "a", "d", "b", "c"];
    expect(selectShard(items, { index: 1, count: 2 })).toEqual(["a", "c", "e"]);
    expect(selectShard(items, { index: 2, count: 2 })).toEqual(["b", "d"]);
  });

  it("partitions any set: every item in exactly one shard, sizes within one, order-independent", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (items, count) => {
          const shards = Array.from({ length: count }, (_, i) =>
            selectShard(items, { index: i + 1, count }),
          );
          expect(shards.flat().sort()).toEqual([...items].sort());
          const sizes = shards.map((shard) => shard.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          expect(selectShard([...items].reverse(), { index: 1, count })).toEqual(shards[0]);
        },
      ),
    );
  });
});
