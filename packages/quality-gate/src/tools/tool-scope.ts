/**
 * What a repository checks with a tool: the paths of the command its scripts run the tool with
 * (`prettier -c src test` checks `src` and `test`), else the globs lint-staged runs it on, else
 * the whole repository, as the tool itself would take it.
 */
import { pathArguments } from "./script-commands.js";
import type { ScriptCommand } from "./script-commands.js";
import type { RepositoryTools } from "./repository-tools.js";

/** A tool's scope in a repository. */
export interface ToolScope {
  /** The paths or globs, relative to the root; `["."]` for the whole repository. */
  readonly paths: readonly string[];
  /** The command's other arguments (options), to keep what they say. */
  readonly args: readonly string[];
  /** The script command it came from, if any. */
  readonly command: ScriptCommand | undefined;
}

/** How to read one tool's commands. */
export interface ScopeRule {
  /** The programs that are the tool (`prettier`; `biome`). */
  readonly programs: readonly string[];
  /** Options that take a value, so the value is not read as a path. */
  readonly valued: readonly string[];
  /**
   * Whether a command is the kind that checks (or formats) files, and how well it fits: higher is
   * better (a check beats a write); `undefined` for commands of another kind (`prettier --version`).
   */
  readonly rank: (command: ScriptCommand) => number | undefined;
  /** Arguments that are a subcommand, not a path (`format` in `biome format src`). */
  readonly subcommands?: readonly string[];
}

/**
 * Finds a tool's scope in a repository.
 *
 * @param tools - what the repository declares
 * @param rule - how to read the tool's commands
 * @returns the scope; the whole repository when no script or lint-staged entry runs the tool
 * @example
 * ```ts
 * toolScope(tools, prettierRule).paths; // ["src", "test"]
 * ```
 */
export function toolScope(tools: RepositoryTools, rule: ScopeRule): ToolScope {
  let best: { command: ScriptCommand; rank: number } | undefined;
  for (const command of tools.commands) {
    if (!rule.programs.includes(command.program)) continue;
    const rank = rule.rank(command);
    if (rank !== undefined && (best === undefined || rank > best.rank)) best = { command, rank };
  }
  if (best !== undefined) {
    const args = best.command.args.filter((arg) => !(rule.subcommands ?? []).includes(arg));
    const paths = pathArguments(args, rule.valued);
    return {
      paths: paths.length > 0 ? paths : ["."],
      args: args.filter((arg) => !paths.includes(arg)),
      command: best.command,
    };
  }
  const staged = Object.entries(tools.lintStaged)
    .filter(([, commands]) =>
      commands.some((text) =>
        rule.programs.some((program) => new RegExp(`(^|\\s)${program}(\\s|$)`).test(text)),
      ),
    )
    .map(([glob]) => glob);
  return {
    paths:
      staged.length > 0
        ? staged.map((glob) => (glob.includes("/") ? glob : `**/${glob}`))
        : ["."],
    args: [],
    command: undefined,
  };
}
