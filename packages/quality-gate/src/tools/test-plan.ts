/**
 * How a repository runs its tests, read from its `test` script: the builds it runs first (kept:
 * tests may need their output), the test runner's own command (run by the gate with the reports
 * it reads), and the checks the script also runs (lint, format, type checks: other rungs' work,
 * left out, so a lint error never fails the tests rung). Scripts the test script calls
 * (`pnpm lint && pnpm testonly`) are followed.
 */
import type { RepositoryTools } from "./repository-tools.js";
import { scriptCommands } from "./script-commands.js";
import type { ScriptCommand } from "./script-commands.js";

/** A step before the tests: a script of the repository, or a command. */
export type TestStep =
  | { readonly kind: "script"; readonly name: string }
  | { readonly kind: "command"; readonly command: ScriptCommand };

/** The test runners the gate recognises in a script. */
export type TestRunner = "vitest" | "jest" | "node:test" | "tap" | "ava" | "mocha";

/** What a repository's `test` script does, step by step. */
export interface TestPlan {
  /** What runs before the tests: `pretest`, then the script's builds. */
  readonly prelude: readonly TestStep[];
  /** The test runner's command, or `undefined` when the script runs no runner the gate knows. */
  readonly runner: { readonly name: TestRunner; readonly command: ScriptCommand } | undefined;
  /** Commands of the script the gate leaves out (checks, and what follows the runner). */
  readonly skipped: readonly string[];
}

/** Programs that only check (another rung's work), never build what tests need. */
const CHECKS = new Set([
  "eslint",
  "prettier",
  "biome",
  "oxlint",
  "oxfmt",
  "xo",
  "tsd",
  "publint",
  "attw",
  "knip",
  "dprint",
  "stylelint",
  "markdownlint",
  "cspell",
]);
/** Scripts whose names say they only check. */
const CHECK_SCRIPT =
  /^(?:lint|format|fmt|prettier|typecheck|type-check|types|check|tsc|test:types|test:lint|test:format)(?::|$)/;
const MANAGERS = new Set(["npm", "pnpm", "yarn", "bun"]);
/** Runners known by their program's name. */
const RUNNERS = new Set(["vitest", "jest", "tap", "ava", "mocha"]);

/**
 * Reads a repository's test script.
 *
 * @param tools - what the repository declares
 * @returns its steps, or `undefined` when it has no `test` script
 * @example
 * ```ts
 * planTests(tools); // { prelude: [{ kind: "command", … tsc -b }], runner: { name: "vitest", … }, skipped: [] }
 * ```
 */
export function planTests(tools: RepositoryTools): TestPlan | undefined {
  const text = tools.scripts.test;
  if (text === undefined) return undefined;
  const prelude: TestStep[] =
    tools.scripts.pretest === undefined ? [] : [{ kind: "script", name: "pretest" }];
  const skipped: string[] = [];
  let runner: TestPlan["runner"];
  const visit = (command: ScriptCommand, depth: number): void => {
    if (runner !== undefined) {
      skipped.push(describe(command));
      return;
    }
    const called = calledScript(command, tools.scripts);
    if (called !== undefined && called !== "test" && depth < 5) {
      if (CHECK_SCRIPT.test(called)) skipped.push(describe(command));
      else
        for (const inner of scriptCommands(called, tools.scripts[called] ?? ""))
          visit(inner, depth + 1);
      return;
    }
    const found = runnerOf(command);
    if (found !== undefined) runner = found;
    else if (isCheck(command)) skipped.push(describe(command));
    else prelude.push({ kind: "command", command });
  };
  for (const command of scriptCommands("test", text)) visit(command, 0);
  return { prelude, runner, skipped };
}

/**
 * The test runner a command is, if any. A coverage wrapper (`c8 mocha`, `nyc ava`) stays around a
 * runner the gate runs as the script does, and comes off Vitest and Jest, which the gate runs
 * with a coverage provider of their own.
 */
function runnerOf(command: ScriptCommand): TestPlan["runner"] {
  const { program, args } = command;
  if (RUNNERS.has(program)) return { name: program as TestRunner, command };
  if ((program === "node" || program === "tsx") && args.includes("--test")) {
    return { name: "node:test", command };
  }
  return program === "c8" || program === "nyc" ? unwrapped(command) : undefined;
}

/** The runner inside a coverage wrapper (`c8 mocha test`), if any. */
function unwrapped(command: ScriptCommand): TestPlan["runner"] {
  const [wrapped, ...rest] = command.args;
  const inner =
    wrapped === undefined ? undefined : runnerOf({ ...command, program: wrapped, args: rest });
  if (inner === undefined) return undefined;
  return inner.name === "vitest" || inner.name === "jest" ? inner : { name: inner.name, command };
}

function isCheck(command: ScriptCommand): boolean {
  if (CHECKS.has(command.program)) return true;
  const noEmit = command.args.includes("--noEmit") || command.args.includes("--no-emit");
  return (
    (command.program === "tsc" || command.program === "tsgo" || command.program === "vue-tsc") &&
    noEmit
  );
}

/** The script a command runs (`npm run x`, `pnpm x`, `yarn run x`), when it names one. */
function calledScript(
  command: ScriptCommand,
  scripts: Readonly<Record<string, string>>,
): string | undefined {
  if (!MANAGERS.has(command.program)) return undefined;
  // `pnpm -r test`, `npm test --workspaces`: every package's script, not one of the root's.
  const workspaces = [
    "-r",
    "--recursive",
    "--filter",
    "-F",
    "--workspaces",
    "-ws",
    "--workspace",
    "-w",
  ];
  if (command.args.some((arg) => workspaces.includes(arg) || arg.startsWith("--filter=")))
    return undefined;
  const words = command.args.filter((arg) => !arg.startsWith("-"));
  const [first, second] = words;
  const name = first === "run" || first === "run-script" ? second : first;
  return name !== undefined && Object.hasOwn(scripts, name) ? name : undefined;
}

function describe(command: ScriptCommand): string {
  return [command.program, ...command.args].join(" ");
}
