// Key hashes for the TinyLFU sketch: keys that are one Map key hash alike, and keys that are not
// (1 and "1", true and 1, a registered symbol and its description) hash apart.
import { describe, expect, it } from "vitest";
import { hashKey } from "../src/key-hash.js";

describe("hashKey", () => {
  it("hashes keys Map treats as one alike", () => {
    expect(hashKey(0)).toBe(hashKey(-0));
    expect(hashKey(Number.NaN)).toBe(hashKey(0 / 0));
    expect(hashKey("user:1")).toBe(hashKey(["user", "1"].join(":")));
    expect(hashKey(1.5)).toBe(hashKey(3 / 2));
    expect(hashKey(10n ** 20n)).toBe(hashKey(100000000000000000000n));
    expect(hashKey(Symbol.for("app"))).toBe(hashKey(Symbol.for("app")));
    const object = {};
    expect(hashKey(object)).toBe(hashKey(object));
  });

  it("hashes different keys apart, across types", () => {
    const keys: unknown[] = [
      0,
      1,
      "1",
      "",
      true,
      false,
      null,
      undefined,
      Number.NaN,
      1.5,
      2 ** 40,
      1n,
      2n ** 40n,
      Symbol.for("1"),
      Symbol("1"),
      {},
      {},
      () => 1,
    ];
    const hashes = new Set(keys.map((key) => hashKey(key)));
    expect(hashes.size).toBe(keys.length);
    for (const hash of hashes) expect(hash).toBe(hash | 0); // 32-bit integers
  });

  it("spreads consecutive string keys over many hashes", () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 10_000; i++) hashes.add(hashKey(`key:${String(i)}`));
    expect(hashes.size).toBe(10_000);
  });
});
