import { describe, expect, it } from "vitest";
import { isTestFile } from "../src/is-test-file.js";

describe("isTestFile", () => {
  it.each<[string, boolean]>([
    ["/repo/src/cache.ts", false],
    ["/repo/source/cache.ts", false],
    ["/repo/src/cache.test.ts", true],
    ["/repo/src/cache.spec.mts", true],
    ["/repo/src/cache.test-utils.ts", false],
    ["/repo/test/helper.ts", true],
    ["/repo/packages/a/tests/helper.ts", true],
    ["/repo/src/__tests__/cache.ts", true],
    ["/repo/src/testing.ts", false],
    ["/repo/src/test.ts", false],
  ])("%s is a test file: %s", (file, expected) => {
    expect(isTestFile(file, "/repo")).toBe(expected);
  });

  it("looks only below the repository root", () => {
    expect(isTestFile("/home/me/test/repo/src/a.ts", "/home/me/test/repo")).toBe(false);
  });
});
