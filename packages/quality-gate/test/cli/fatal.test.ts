// Whatever ends a run early is one line on stderr and exit code 2: a setup problem with its code,
// a bug with the way to see more, a run that can never finish; a closed pipe ends output quietly.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { describeFailure } from "../../src/cli/fatal.js";
import { QualityGateError } from "../../src/errors.js";
import { GitError } from "../../src/git/run-git.js";
import { tempRepo } from "../support/temp-repo.js";

const bin = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));
const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

describe("describeFailure", () => {
  it("prints a setup problem, of any kind, as its message and code", () => {
    expect(
      describeFailure(new GitError("UNKNOWN_REF", "origin/mian names nothing."), "check", false),
    ).toBe("quality-gate: origin/mian names nothing. [UNKNOWN_REF]\n");
  });

  it("prints an unexpected error as a bug, on one line, with the stack only under --debug", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'x')\n    at deep");
    const line =
      "quality-gate: check failed unexpectedly (TypeError: Cannot read properties of undefined (reading 'x')). This is a bug in quality-gate: rerun with --debug for the stack, and report it. [INTERNAL]\n";
    expect(describeFailure(error, "check", false)).toBe(line);
    expect(describeFailure(error, "check", true)).toBe(`${line}${error.stack ?? ""}\n`);
  });

  it("shows what caused a setup problem under --debug", () => {
    const error = new QualityGateError("CONFIG_UNREADABLE", "x does not load", {
      cause: new SyntaxError("Unexpected token"),
    });
    expect(describeFailure(error, "check", true)).toContain(
      "Caused by: SyntaxError: Unexpected token",
    );
  });
});

describe("main", () => {
  it("turns an unexpected error into exit code 2, not 1 (which means the target was not met)", async () => {
    let stderr = "";
    const code = await main(["new", "--list"], {
      cwd: fixtures,
      env: {},
      stdout: {
        write: () => {
          throw new TypeError("the stream broke");
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      "quality-gate: new failed unexpectedly (TypeError: the stream broke). This is a bug in quality-gate: rerun with --debug for the stack, and report it. [INTERNAL]\n",
    );
  });
});

describe("the bin", { timeout: 60_000 }, () => {
  function shell(script: string, cwd = fixtures) {
    return spawnSync("sh", ["-c", script], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, QUALITY_GATE_SNAPSHOT: "0" },
    });
  }

  it("ends quietly when the reader of its output goes away", () => {
    for (const args of ["new --list", "explain packages/cache/src/ttl-cache.ts ../../../.."]) {
      const run = shell(`"${process.execPath}" "${bin}" ${args} | head -c 1`);
      expect(run.stderr).toBe("");
      expect(run.stdout).toHaveLength(1);
    }
  });

  it("says so in one line and exits 2 when the config file's top-level await never settles", () => {
    const repo = tempRepo({
      "tsconfig.json": "{}",
      "quality-gate.config.mjs": "await new Promise(() => {});\nexport default {};\n",
    });
    const run = spawnSync(process.execPath, [bin, "check", "--only", "6", repo], {
      encoding: "utf8",
      env: { ...process.env, QUALITY_GATE_SNAPSHOT: "0" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^quality-gate: check stopped with work still pending.*\[STALLED\]$/),
    ]);
  });
});
