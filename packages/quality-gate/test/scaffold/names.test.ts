import { describe, expect, it } from "vitest";
import { deriveNames } from "../../src/scaffold/names.js";

describe("deriveNames", () => {
  it.each(["UserCache", "userCache", "user-cache", "user_cache", "USER_CACHE"])(
    "derives every spelling the same way from %s",
    (name) => {
      expect(deriveNames(name)).toEqual({
        pascal: "UserCache",
        camel: "userCache",
        kebab: "user-cache",
        constant: "USER_CACHE",
      });
    },
  );

  it("keeps acronyms and digits with their words", () => {
    expect(deriveNames("HTTPClient").kebab).toBe("http-client");
    expect(deriveNames("oauth2Token").pascal).toBe("Oauth2Token");
  });

  it.each(["../evil", "a/b", "", "9lives", "user cache", "bad\0name", "café"])(
    "refuses %j with BAD_NAME",
    (name) => {
      expect(() => deriveNames(name)).toThrow(/is not a valid name: use letters and digits/);
      expect(() => deriveNames(name)).toThrow(expect.objectContaining({ code: "BAD_NAME" }));
    },
  );

  it("refuses a name whose file name would be too long, and accepts one just short enough", () => {
    expect(deriveNames(`a${"b".repeat(99)}`).kebab).toHaveLength(100);
    // Each capital starts a word, so the kebab-case spelling is the longer one.
    expect(() => deriveNames("aB".repeat(40))).toThrow(/is too long: a name is at most 100/);
    expect(() => deriveNames("a".repeat(300))).toThrow(
      expect.objectContaining({ code: "BAD_NAME" }),
    );
  });

  it.each(["delete", "Class", "await", "eval", "Yield"])(
    "refuses %j, whose camelCase spelling JavaScript reserves",
    (name) => {
      expect(() => deriveNames(name)).toThrow(/a reserved word in JavaScript; choose another/);
      expect(() => deriveNames(name)).toThrow(expect.objectContaining({ code: "BAD_NAME" }));
    },
  );

  it("accepts a reserved word as one word of several", () => {
    expect(deriveNames("delete-queue").camel).toBe("deleteQueue");
  });
});
