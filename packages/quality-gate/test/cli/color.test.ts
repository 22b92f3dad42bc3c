import { describe, expect, it } from "vitest";
import { wantsColor } from "../../src/cli/color.js";

describe("wantsColor", () => {
  it.each([
    { env: {}, tty: true, expected: true },
    { env: {}, tty: false, expected: false },
    { env: { NO_COLOR: "1" }, tty: true, expected: false },
    { env: { NO_COLOR: "" }, tty: true, expected: true },
    { env: { FORCE_COLOR: "1" }, tty: false, expected: true },
    { env: { FORCE_COLOR: "0" }, tty: true, expected: false },
    { env: { FORCE_COLOR: "false" }, tty: true, expected: false },
    { env: { NO_COLOR: "1", FORCE_COLOR: "1" }, tty: true, expected: false },
  ])("$env on a TTY: $tty -> $expected", ({ env, tty, expected }) => {
    expect(wantsColor({ env, stdout: { write: () => true, isTTY: tty } })).toBe(expected);
  });
});
