import { describe, expect, it } from "vitest";
import { commandsOf, pathArguments, scriptCommands } from "../../src/tools/script-commands.js";

describe("scriptCommands", () => {
  it("splits a script at &&, ||, ; and | and sets launchers aside", () => {
    expect(
      scriptCommands(
        "lint",
        'cross-env CI=1 npx --yes eslint --max-warnings 0 "src dir" && pnpm exec prettier -c src; FOO=1 vitest run | tee out || true',
      ),
    ).toMatchObject([
      { script: "lint", program: "eslint", args: ["--max-warnings", "0", "src dir"] },
      { script: "lint", program: "prettier", args: ["-c", "src"] },
      { script: "lint", program: "vitest", args: ["run"] },
      { script: "lint", program: "tee", args: ["out"] },
      { script: "lint", program: "true", args: [] },
    ]);
  });

  it("keeps quoted globs and variables as written", () => {
    expect(scriptCommands("fmt", "prettier --write './src/**' \"$DIR\" **/*.ts")).toMatchObject([
      { script: "fmt", program: "prettier", args: ["--write", "./src/**", "$DIR", "**/*.ts"] },
    ]);
  });

  it("gives the command back to the shell as written: quotes kept, unquoted globs left to expand", () => {
    expect(
      scriptCommands("t", "cross-env A=1 tsc -b packages/* && prettier -c './src/**'").map(
        (command) => command.shell,
      ),
    ).toEqual(["cross-env A=1 tsc -b packages/*", "prettier -c './src/**'"]);
  });

  it("names the program by its file name when a script runs it by path", () => {
    expect(scriptCommands("t", "./node_modules/.bin/vitest run")[0]?.program).toBe("vitest");
  });
});

describe("commandsOf and pathArguments", () => {
  it("finds every command of a program across scripts", () => {
    const scripts = { lint: "eslint . && prettier -c src", fmt: "prettier --write src test" };
    expect(commandsOf(scripts, ["prettier"]).map((command) => command.script)).toEqual([
      "lint",
      "fmt",
    ]);
  });

  it("leaves out options and the values of options that take one", () => {
    expect(
      pathArguments(
        ["--max-warnings", "0", "src", "--fix", "test", "--", "-odd"],
        ["--max-warnings"],
      ),
    ).toEqual(["src", "test", "-odd"]);
  });
});
