// A broken or missing tool is a failed rung with one finding in the tool's first words; a setup
// problem is not a finding, it stops the run.
import { describe, expect, it } from "vitest";
import { QualityGateError } from "../../src/errors.js";
import { fileFailure, notInstalled, toolFailure } from "../../src/rungs/tool-failure.js";

describe("toolFailure", () => {
  it("fails the rung with one finding holding the error's first line", () => {
    const error = new Error("Cannot find module 'eslint-plugin-x'\nRequire stack:\n- /repo/a.js");
    expect(toolFailure(2, "eslint", error)).toEqual({
      status: "failed",
      findings: [
        {
          ruleId: "eslint/tool-failed",
          rung: 2,
          file: ".",
          line: 1,
          column: 1,
          symbol: null,
          message:
            "eslint could not run: Cannot find module 'eslint-plugin-x'. Fix its configuration or installation, then run the gate again.",
        },
      ],
    });
  });

  it.each([
    ["a thrown string", "spawn ENOENT", "spawn ENOENT"],
    ["an error without a message", new Error(), "unknown error"],
    ["an error whose first line is blank", new Error("\nat x"), "unknown error"],
  ])("names the reason of %s", (_name, error, reason) => {
    expect(toolFailure(3, "vitest", error).findings[0]?.message).toBe(
      `vitest could not run: ${reason}. Fix its configuration or installation, then run the gate again.`,
    );
  });

  it("rethrows a setup problem instead of reporting it", () => {
    const error = new QualityGateError("CONFIG_INVALID", "bad config");
    expect(() => toolFailure(1, "prettier", error)).toThrow(error);
  });
});

describe("fileFailure", () => {
  it("places the failure on the file, in the tool's first words", () => {
    expect(
      fileFailure(
        1,
        "prettier",
        "src/broken.ts",
        new SyntaxError("';' expected. (3:7)\n> 3 | x"),
      ),
    ).toEqual({
      ruleId: "prettier/tool-failed",
      rung: 1,
      file: "src/broken.ts",
      line: 1,
      column: 1,
      symbol: null,
      message:
        "prettier could not check this file: ';' expected. (3:7). Fix the file (or tell prettier to ignore it), then run the gate again.",
    });
  });

  it("says unknown error for a failure that says nothing", () => {
    expect(fileFailure(1, "biome", "a.ts", "").message).toMatch(
      /^biome could not check this file: unknown error\./,
    );
  });
});

describe("notInstalled", () => {
  it("fails the rung on package.json, saying to install, with the tool named", () => {
    const tool = { name: "prettier", source: "repository" } as const;
    const outcome = notInstalled(1, tool);
    expect(outcome).toMatchObject({ status: "failed", tool });
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      ruleId: "prettier/not-installed",
      rung: 1,
      file: "package.json",
    });
    expect(outcome.findings[0]?.message).toMatch(
      /^The repository uses prettier, but it is not installed\./,
    );
  });
});
