/**
 * Runs one of a repository's `package.json` scripts the way its developers do: with its package
 * manager (from its lockfile) when that is on PATH, else with npm, which runs any repository's
 * scripts; in the repository, colours off, `CI=true` (so no runner waits in watch mode).
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { detectPackageManager } from "../scaffold/package-manager.js";
import { runCommand } from "./run-command.js";
import type { CommandResult } from "./run-command.js";

/** A script run and how it went. */
export interface ScriptRun extends CommandResult {
  /** The command line, as a person would type it (`pnpm run test`). */
  readonly command: string;
}

/**
 * Runs a script.
 *
 * @param root - the repository root
 * @param name - the script's name
 * @param options - the environment, the time limit and an abort signal
 * @returns its output and exit code
 * @example
 * ```ts
 * const run = await runScript("/repo", "test", { env: process.env, timeoutMs: 1_800_000 });
 * ```
 */
export async function runScript(
  root: string,
  name: string,
  options: {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly timeoutMs: number;
    readonly signal?: AbortSignal | undefined;
  },
): Promise<ScriptRun> {
  const manager = detectPackageManager(root);
  const program = onPath(manager, options.env) ? manager : "npm";
  const run = await runCommand(program, ["run", name], {
    cwd: root,
    env: { ...options.env, CI: "true", FORCE_COLOR: "0", NO_COLOR: "1" },
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  return { ...run, command: `${program} run ${name}` };
}

function onPath(program: string, env: Readonly<Record<string, string | undefined>>): boolean {
  return (env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
