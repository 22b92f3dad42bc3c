import { describe, expect, it } from "vitest";
import { unquotePath } from "../../src/git/unquote-path.js";

describe("unquotePath", () => {
  it("returns an unquoted path as it is", () => {
    expect(unquotePath("b/ünï code.ts")).toEqual({ path: "b/ünï code.ts", rest: "" });
  });

  it.each([
    ['"b/q\\"uote.ts"', 'b/q"uote.ts'],
    ['"b/back\\\\slash.ts"', "b/back\\slash.ts"],
    ['"b/tab\\tnew\\nline.ts"', "b/tab\tnew\nline.ts"],
    ['"b/\\303\\274n\\303\\257.ts"', "b/ünï.ts"],
    ['"b/\\346\\227\\245.ts"', "b/日.ts"],
    // With core.quotePath=false, non-ASCII stays raw inside a path quoted for its quote.
    ['"b/q\\"😀ü.ts"', 'b/q"😀ü.ts'],
  ])("reads the C escapes of %s", (quoted, path) => {
    expect(unquotePath(quoted).path).toBe(path);
  });

  it("says what follows the closing quote", () => {
    expect(unquotePath('"a/x y" "b/x y"')).toEqual({ path: "a/x y", rest: ' "b/x y"' });
  });
});
