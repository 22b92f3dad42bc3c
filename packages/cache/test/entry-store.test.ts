// The slot store under TtlCache: a full store refuses an insert instead of silently dropping the
// write and breaking its recency list (what made the issue-19 corruption loop forever).
import { describe, expect, it } from "vitest";
import { EntryStore } from "../src/entry-store.js";

describe("EntryStore", () => {
  it("throws when an insert finds every slot taken, and stays whole", () => {
    const store = new EntryStore<string, number>(2);
    store.insert("a", 1, Infinity, Infinity);
    store.insert("b", 2, Infinity, Infinity);
    expect(() => store.insert("c", 3, Infinity, Infinity)).toThrow(/all 2 slots are taken/);
    expect(store.slots().map((slot) => store.keyAt(slot))).toEqual(["b", "a"]);
    expect(store.size).toBe(2);
  });

  it("reuses a freed slot once room is made", () => {
    const store = new EntryStore<string, number>(2);
    store.insert("a", 1, Infinity, Infinity);
    store.insert("b", 2, Infinity, Infinity);
    store.remove(store.oldest);
    store.insert("c", 3, Infinity, Infinity);
    expect(store.slots().map((slot) => store.keyAt(slot))).toEqual(["c", "b"]);
  });
});
