// A tool's scope in a repository: the paths of the script command that runs it (a check before a
// write), else lint-staged's globs, else the whole repository.
import { describe, expect, it } from "vitest";
import type { ScriptCommand } from "../../src/tools/script-commands.js";
import { toolScope } from "../../src/tools/tool-scope.js";
import type { ScopeRule } from "../../src/tools/tool-scope.js";
import { readTools } from "../support/read-tools.js";

const prettier: ScopeRule = {
  programs: ["prettier"],
  valued: ["--config", "--log-level"],
  rank: (command: ScriptCommand) => {
    if (command.args.includes("--version")) return undefined;
    return command.args.includes("--write") ? 1 : 2;
  },
};

describe("toolScope", () => {
  it("takes the paths of the command that checks over one that writes, its options kept apart", () => {
    const tools = readTools({
      "package.json": {
        scripts: {
          format: "prettier --write .",
          "format:check": "prettier --check --log-level warn src test",
          version: "prettier --version",
        },
      },
    });
    expect(toolScope(tools, prettier)).toEqual({
      paths: ["src", "test"],
      args: ["--check", "--log-level", "warn"],
      command: expect.objectContaining({
        script: "format:check",
        program: "prettier",
      }) as unknown,
    });
  });

  it("keeps the first of two commands that fit as well", () => {
    const tools = readTools({
      "package.json": { scripts: { a: "prettier -c lib", b: "prettier -c src" } },
    });
    expect(toolScope(tools, prettier).paths).toEqual(["lib"]);
  });

  it("checks the whole repository when the command names no path", () => {
    const tools = readTools({ "package.json": { scripts: { fmt: "prettier --check" } } });
    expect(toolScope(tools, prettier)).toMatchObject({ paths: ["."], args: ["--check"] });
  });

  it("leaves out a subcommand, which is no path", () => {
    const tools = readTools({ "package.json": { scripts: { fmt: "biome format --write src" } } });
    const scope = toolScope(tools, {
      programs: ["biome"],
      valued: [],
      rank: () => 1,
      subcommands: ["format"],
    });
    expect(scope).toMatchObject({ paths: ["src"], args: ["--write"] });
  });

  it("takes lint-staged's globs when no script runs the tool, a bare glob matching at any depth", () => {
    const tools = readTools({
      "package.json": {
        scripts: { build: "tsc", version: "prettier --version" },
        "lint-staged": {
          "*.{ts,md}": "prettier --write",
          "src/**/*.css": ["stylelint --fix", "prettier --write"],
          "*.js": "prettier-eslint --write",
        },
      },
    });
    expect(toolScope(tools, prettier)).toEqual({
      paths: ["**/*.{ts,md}", "src/**/*.css"],
      args: [],
      command: undefined,
    });
  });

  it("reads lint-staged from .lintstagedrc.json, else .lintstagedrc", () => {
    expect(
      toolScope(readTools({ ".lintstagedrc.json": { "*.ts": ["prettier --write"] } }), prettier)
        .paths,
    ).toEqual(["**/*.ts"]);
    expect(
      toolScope(readTools({ ".lintstagedrc": '{ "lib/*.ts": "prettier -w" }' }), prettier).paths,
    ).toEqual(["lib/*.ts"]);
  });

  it("checks the whole repository when nothing runs the tool", () => {
    const tools = readTools({ "package.json": { scripts: { test: "vitest run" } } });
    expect(toolScope(tools, prettier)).toEqual({ paths: ["."], args: [], command: undefined });
  });
});
