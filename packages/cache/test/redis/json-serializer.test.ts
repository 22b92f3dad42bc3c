// The default serializer: what goes in comes out, exactly, or the call fails with a clear error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSerializer } from "../../src/redis/index.js";

const json = jsonSerializer();
const roundTrip = (value: unknown): unknown => json.deserialize(json.serialize(value));

describe("jsonSerializer round-trips", () => {
  it.each([
    ["a string", "alice"],
    ["a number", 42.5],
    ["a boolean", false],
    ["null", null],
    ["an array", [1, "two", [3]]],
    ["an object", { name: "Alice", tags: ["a", "b"], nested: { deep: true } }],
  ])("%s unchanged, as plain JSON with no patch table", (_, value) => {
    expect(roundTrip(value)).toEqual(value);
    expect(json.serialize(value)).toBe(`[${JSON.stringify(value)}]`);
  });

  it("a top-level undefined as undefined, not null", () => {
    expect(json.serialize(undefined)).not.toBe("[null]");
    expect(roundTrip(undefined)).toBeUndefined();
  });

  it("undefined properties and array elements, keeping the key and its order", () => {
    const back = roundTrip({ a: 1, b: undefined, c: [undefined, 2] }) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(["a", "b", "c"]);
    expect("b" in back).toBe(true);
    expect(back.b).toBeUndefined();
    expect(back.c).toEqual([undefined, 2]);
    expect(0 in (back.c as unknown[])).toBe(true);
  });

  it("Dates as Dates, top-level and nested, invalid ones included", () => {
    const at = new Date("2024-05-06T07:08:09.010Z");
    expect(roundTrip(at)).toEqual(at);
    const back = roundTrip({ at, list: [at], bad: new Date(Number.NaN) }) as {
      at: Date;
      list: Date[];
      bad: Date;
    };
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(at.getTime());
    expect(back.list[0]?.getTime()).toBe(at.getTime());
    expect(Number.isNaN(back.bad.getTime())).toBe(true);
  });

  it("NaN, ±Infinity and -0, which JSON turns into null and 0", () => {
    const back = roundTrip([Number.NaN, Infinity, -Infinity, -0, 0]) as number[];
    expect(back[0]).toBeNaN();
    expect(back.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(back[3], -0)).toBe(true);
    expect(Object.is(back[4], 0)).toBe(true);
  });

  it('a "__proto__" key as an own property, without touching any prototype', () => {
    const value: unknown = JSON.parse('{"__proto__": {"polluted": 1}}');
    const text = json.serialize({ wrap: value, when: undefined });
    const back = json.deserialize(text) as { wrap: object };
    expect(Object.hasOwn(back.wrap, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("any generated mix of JSON values, undefined, Dates and special numbers", () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node")),
        fc.dictionary(fc.string(), tie("node"), { noNullPrototype: true }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        expect(roundTrip(value)).toStrictEqual(value);
      }),
    );
  });
});

describe("jsonSerializer reads back as plain", () => {
  it("an object with a null prototype (the data is kept; JSON has no prototypes)", () => {
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(roundTrip(bare)).toStrictEqual({ a: 1 });
  });
});

describe("jsonSerializer refuses what JSON would change", () => {
  it.each([
    ["a Map", { tags: new Map([["a", 1]]) }, "`tags` is a Map"],
    ["a Set", [new Set([1])], "`0` is a Set"],
    [
      "a class instance",
      {
        user: new (class User {
          name = "Alice";
        })(),
      },
      "`user` is a User",
    ],
    ["a bigint", { id: 1n }, "`id` is a bigint"],
    ["a function", { run: () => 1 }, "`run` is a function"],
    ["a symbol", Symbol("s"), "the value is a symbol"],
    [
      "a toJSON object",
      { money: { toJSON: () => "1 EUR" } },
      "`money` is an object with a toJSON",
    ],
  ])("%s, with a TypeError naming the path", (_, value, message) => {
    expect(() => json.serialize(value)).toThrow(TypeError);
    expect(() => json.serialize(value)).toThrow(message);
  });

  it("a cycle", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => json.serialize(loop)).toThrow(/contains itself/);
  });
});

describe("jsonSerializer.deserialize on text it did not write", () => {
  it.each([
    ["not JSON", "{oops", SyntaxError],
    ["bare JSON", '"alice"', TypeError],
    ["an empty envelope", "[]", TypeError],
    ["a bad patch table", "[1,2]", TypeError],
    ["an unknown tag", '[null,[["x"]]]', TypeError],
    ["a path into nothing", '[{},[["u","a","b"]]]', TypeError],
    ["a path into the prototype", '[{},[["u","constructor","x"]]]', TypeError],
    ["a Date patch on a string", '["x",[["d"]]]', TypeError],
  ])("%s throws (the cache reads it as a miss)", (_, text, kind) => {
    expect(() => json.deserialize(text)).toThrow(kind);
  });
});
