import { describe, expect, it } from "vitest";
import { cacheHome } from "../../src/fs/cache-home.js";

describe("cacheHome", () => {
  it("follows XDG_CACHE_HOME when it is an absolute path", () => {
    expect(cacheHome({ XDG_CACHE_HOME: "/xdg", HOME: "/home/ada" }, "linux")).toBe(
      "/xdg/quality-gate",
    );
    expect(cacheHome({ XDG_CACHE_HOME: "relative", HOME: "/home/ada" }, "linux")).toBe(
      "/home/ada/.cache/quality-gate",
    );
  });

  it("uses each platform's own per-user cache folder", () => {
    expect(cacheHome({ HOME: "/Users/ada" }, "darwin")).toBe(
      "/Users/ada/Library/Caches/quality-gate",
    );
    expect(cacheHome({ HOME: "/home/ada" }, "freebsd")).toBe("/home/ada/.cache/quality-gate");
    expect(cacheHome({ HOME: "/home/ada", LOCALAPPDATA: "/appdata" }, "win32")).toMatch(
      /^[/\\]appdata[/\\]quality-gate[/\\]Cache$/,
    );
  });
});
