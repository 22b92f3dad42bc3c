import { describe, expect, it } from "vitest";
import { isInformative, nameWords } from "../../src/scorer/informative.js";

describe("nameWords", () => {
  it.each([
    ["getFoo", ["get", "foo"]],
    ["TTLCache.get", ["ttl", "cache", "get"]],
    ["max_entries", ["max", "entrie"]],
    ["CACHE_CHANNELS", ["cache", "channel"]],
  ])("splits %s", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe("isInformative", () => {
  it.each([
    ["Gets the foo.", "getFoo", false],
    ["Get foo", "getFoo", false],
    ["Gets the foos.", "getFoo", false],
    ["The cache's size.", "Cache.size", false],
    ["Reads foo from the cache, loading it on a miss.", "getFoo", true],
    ["Counts things.", "Members", true],
    ["", "anything", false],
  ])("%j for %s is %s", (summary, name, expected) => {
    expect(isInformative(summary, name)).toBe(expected);
  });
});
