// What a finding quotes when a tool fails: the tool's own error line, as text.
import { describe, expect, it } from "vitest";
import { firstErrorLine } from "../../src/rungs/tool-command.js";
import type { CommandResult } from "../../src/tools/run-command.js";

function result(stdout: string, stderr = ""): CommandResult {
  return { code: 1, stdout, stderr, timedOut: false, durationMs: 1 };
}

describe("firstErrorLine", () => {
  it("drops the cursor and colour sequences a runner prints even with colours off", () => {
    const printed =
      "\u001b[?25l\u001b[?25l\u001b[?25h\u001b[31mERROR: Coverage for branches (86%)\u001b[39m";
    expect(firstErrorLine(result(printed))).toBe("ERROR: Coverage for branches (86%)");
  });

  it("skips ESLint's crash banner for the line that says what broke", () => {
    const printed =
      "Oops! Something went wrong! :(\n\nESLint: 9.0.0\n\nTypeError: x is not a function";
    expect(firstErrorLine(result("", printed))).toBe("TypeError: x is not a function");
  });

  it("falls back to the exit code when the tool printed nothing", () => {
    expect(firstErrorLine(result(""))).toBe("it exited with code 1");
  });
});
