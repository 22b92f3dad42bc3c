// Rung 2's xo adapter reads how the repository runs xo (its scope, its options, never --fix);
// the run itself is pinned on a real xo repository by test:real.
import { describe, expect, it } from "vitest";
import { xoLinter } from "../../../src/rungs/linters/xo.js";
import type { RepositoryTools } from "../../../src/tools/repository-tools.js";
import { scriptCommands } from "../../../src/tools/script-commands.js";

function tools(scripts: Record<string, string>, declared: string[] = []): RepositoryTools {
  return {
    root: "/repo",
    scripts,
    commands: Object.entries(scripts).flatMap(([name, text]) => scriptCommands(name, text)),
    lintStaged: {},
    declares: (name) => declared.includes(name),
    file: () => undefined,
    installed: () => undefined,
    manifestKeys: new Set(),
  };
}

describe("xoLinter.plan", () => {
  it("takes the scope and options of the repository's xo command, without --fix", () => {
    expect(xoLinter.plan(tools({ test: "xo --space --fix source && ava" }))).toMatchObject({
      paths: ["source"],
      args: ["--space"],
      scripted: true,
    });
  });

  it("prefers a command that checks to one that fixes, and ignores --print-config and --version", () => {
    expect(
      xoLinter.plan(
        tools({
          fix: "xo --fix lib",
          lint: "xo --prettier --reporter=compact src",
          config: "xo --print-config=src/a.js",
          version: "xo --version",
        }),
      ),
    ).toMatchObject({ paths: ["src"], args: ["--prettier"], scripted: true });
    expect(xoLinter.plan(tools({ version: "xo --version" }))).toBeUndefined();
  });

  it("is no plan for a repository that does not use xo", () => {
    expect(xoLinter.plan(tools({ lint: "eslint ." }))).toBeUndefined();
    expect(xoLinter.plan(tools({}, ["xo"]))?.paths).toEqual([]);
  });
});
