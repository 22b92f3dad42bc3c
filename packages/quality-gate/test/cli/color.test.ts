import { describe, expect, it } from "vitest";
import { applyColorFlag, wantsColor } from "../../src/cli/color.js";

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

describe("applyColorFlag", () => {
  const io = { env: { NO_COLOR: "1", FORCE_COLOR: "0", HOME: "/h" } };

  it("turns colour on over NO_COLOR with --color", () => {
    const env = applyColorFlag(["check", "--color"], io).env;
    expect(env).toEqual({ NO_COLOR: undefined, FORCE_COLOR: "1", HOME: "/h" });
    expect(wantsColor({ env, stdout: { write: () => true, isTTY: false } })).toBe(true);
  });

  it("turns colour off with --no-color, even on a TTY with FORCE_COLOR", () => {
    const env = applyColorFlag(["--no-color", "check"], { env: { FORCE_COLOR: "1" } }).env;
    expect(wantsColor({ env, stdout: { write: () => true, isTTY: true } })).toBe(false);
  });

  it("lets the last of the two flags win, and leaves the environment alone without either", () => {
    expect(applyColorFlag(["--no-color", "--color"], io).env.FORCE_COLOR).toBe("1");
    expect(applyColorFlag(["--color", "--no-color"], io).env.NO_COLOR).toBe("1");
    expect(applyColorFlag(["check"], io)).toBe(io);
  });
});
