import { describe, expect, it } from "vitest";
import { paramRoot, readParamName } from "../../src/scorer/param-path.js";

describe("readParamName", () => {
  it.each<[string, string, string]>([
    ["options.x - the x", "options.x", "the x"],
    ["[options.x] - the x", "options.x", "the x"],
    ["[options.x=1] - the x", "options.x", "the x"],
    ['[options.x="a b"] - quoted', "options.x", "quoted"],
    ["[ x = 1 ] - spaced", "x", "spaced"],
    ["options[].x - each x", "options[].x", "each x"],
    ["{string} options.x - typed", "options.x", "typed"],
    ["options.x", "options.x", ""],
    ["options.x -", "options.x", ""],
    ["- no name", "", "no name"],
    ["", "", ""],
  ])("reads %j as %j", (text, name, description) => {
    expect(readParamName(` ${text} `)).toEqual({ name, description });
  });
});

describe("paramRoot", () => {
  it.each([
    ["options", "options"],
    ["options.x", "options"],
    ["options.x.y", "options"],
    ["options[].x", "options"],
  ])("%s belongs to %s", (name, root) => {
    expect(paramRoot(name)).toBe(root);
  });
});
