/**
 * Runs a repository's tool by its own command (`biome`, `oxfmt`, `oxlint`, `eslint`, …) with this
 * Node, in the repository, colours off, and says what went wrong in the tool's own words when it
 * could not do its job.
 */
import type { RungContext } from "../ladder/rung.js";
import type { InstalledPackage } from "../tools/installed-package.js";
import { runCommand } from "../tools/run-command.js";
import type { CommandResult } from "../tools/run-command.js";

/** Lines a tool prints around its error that say nothing of it (ESLint's crash banner). */
const BANNERS = [/^Oops! Something went wrong!/, /^ESLint: \d/];

/** How long a format or lint command may take before it counts as a failure to run. */
const TIMEOUT_MS = 15 * 60_000;

/**
 * Runs one of a package's commands.
 *
 * @param context - the rung's context (the repository root, the abort signal)
 * @param tool - the installed package
 * @param command - the command's name in the package's `bin` (`biome`, `oxlint`), its arguments,
 *   and variables to add to the environment
 * @returns what it printed and how it ended
 * @throws Error when the package has no such command, or the command did not finish in time
 * @example
 * ```ts
 * const run = await runToolCommand(context, oxfmt, { bin: "oxfmt", args: ["--list-different", "src"] });
 * ```
 */
export async function runToolCommand(
  context: RungContext,
  tool: InstalledPackage,
  command: {
    readonly bin: string;
    readonly args: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
  },
): Promise<CommandResult> {
  const { bin, args, env = {} } = command;
  const script = tool.bin[bin];
  if (script === undefined) throw new Error(`${tool.name} ${tool.version} has no ${bin} command`);
  const run = await runCommand(process.execPath, [script, ...args], {
    cwd: context.root,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", CI: "true", ...env },
    timeoutMs: TIMEOUT_MS,
    signal: context.signal,
  });
  if (run.timedOut)
    throw new Error(`${bin} did not finish in ${String(TIMEOUT_MS / 60_000)} minutes`);
  return run;
}

/**
 * The tool's own first line about what went wrong: its first error-looking line on stderr (or
 * stdout), else its first line, else its exit code.
 *
 * @param run - the command's result
 * @returns one line
 * @example
 * ```ts
 * throw new Error(firstErrorLine(run));
 * ```
 */
export function firstErrorLine(run: CommandResult): string {
  const lines = `${run.stderr}\n${run.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !BANNERS.some((banner) => banner.test(line)));
  const error = lines.find((line) => /\b(?:error|failed|cannot|invalid|not found)\b/i.test(line));
  return error ?? lines[0] ?? `it exited with code ${String(run.code)}`;
}
