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
});
