// The slot store under TtlCache: a full store refuses an insert instead of silently dropping the
// write and breaking its recency list (what made the issue-19 corruption loop forever), and its
// entries can live in several recency lists (the regions of the TinyLFU policy).
import { describe, expect, it } from "vitest";
import { EntryStore, NIL } from "../src/entry-store.js";

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

  it("keeps entries in several lists, moves them between lists and walks them in order", () => {
    const store = new EntryStore<string, number>(10, 3);
    const keysOf = (slots: number[]): string[] => slots.map((slot) => store.keyAt(slot));
    const a = store.insert("a", 1, Infinity, Infinity);
    const b = store.insert("b", 2, Infinity, Infinity);
    const c = store.insert("c", 3, Infinity, Infinity);
    const d = store.insert("d", 4, Infinity, Infinity);
    store.moveToFront(2, a);
    store.moveToFront(2, b);
    store.moveToFront(1, c);
    expect(keysOf(store.slots())).toEqual(["d", "c", "b", "a"]);
    expect(keysOf(store.slots(true))).toEqual(["a", "b", "c", "d"]);
    expect([store.oldestIn(2), store.newestIn(2), store.older(b), store.older(a)]).toEqual([
      a,
      b,
      a,
      NIL,
    ]);
    store.remove(c);
    expect([store.oldestIn(1), store.newestIn(1)]).toEqual([NIL, NIL]);
    store.moveToFront(0, a); // back to list 0, in front of d
    expect(keysOf(store.slots())).toEqual(["a", "d", "b"]);
    expect(store.oldest).toBe(d);
    store.clear();
    expect([store.size, store.slots(), store.oldestIn(0), store.oldestIn(2)]).toEqual([
      0,
      [],
      NIL,
      NIL,
    ]);
  });

  it("grows its arrays up to the limit, sentinels not counted", () => {
    const store = new EntryStore<number, number>(40, 3);
    for (let key = 0; key < 40; key++) store.insert(key, key, Infinity, Infinity);
    expect(store.size).toBe(40);
    expect(store.capacity).toBe(43);
    expect(() => store.insert(40, 40, Infinity, Infinity)).toThrow(/all 40 slots are taken/);
    expect(store.slots(true).map((slot) => store.keyAt(slot))).toEqual(
      Array.from({ length: 40 }, (_, key) => key),
    );
  });
});
