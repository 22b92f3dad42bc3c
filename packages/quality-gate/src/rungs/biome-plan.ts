/**
 * How the repository runs Biome, read once for both of Biome's rungs: whether it uses Biome's
 * formatter (rung 1) or linter (rung 2) at all, the scope its scripts give `biome`, and the
 * Biome it installed.
 */
import { readBiomeConfig } from "../tools/biome-config.js";
import type { RepositoryTools } from "../tools/repository-tools.js";
import type { ScriptCommand } from "../tools/script-commands.js";
import { toolScope } from "../tools/tool-scope.js";
import type { ToolPlan } from "./tool-adapter.js";

/** Biome's options that take a value. */
export const BIOME_VALUED: readonly string[] = [
  "--config-path",
  "--reporter",
  "--max-diagnostics",
  "--diagnostic-level",
  "--log-level",
  "--log-kind",
  "--vcs-root",
  "--stdin-file-path",
  "--since",
  "--changed-since",
  "--only",
  "--skip",
  "--threads",
];
/** Biome's subcommands, which are no paths. */
export const BIOME_SUBCOMMANDS: readonly string[] = ["format", "check", "ci", "lint"];

/** The part of Biome a rung runs, and the subcommand that runs only that part. */
const SUBCOMMAND = { formatter: "format", linter: "lint" } as const;

/**
 * Plans a Biome rung.
 *
 * @param tools - the repository's tools
 * @param part - `formatter` for rung 1, `linter` for rung 2
 * @param keptArgs - which of the script's own arguments the rung passes on
 * @returns the plan; `undefined` when the repository has no Biome or turns that part off
 * @example
 * ```ts
 * biomePlan(tools, "linter", (args) => args.filter((arg) => arg === "--error-on-warnings"));
 * ```
 */
export function biomePlan(
  tools: RepositoryTools,
  part: keyof typeof SUBCOMMAND,
  keptArgs: (args: readonly string[]) => string[],
): ToolPlan | undefined {
  const config = readBiomeConfig(tools);
  // Each part of Biome is on unless its configuration turns it off.
  if (config === undefined && !tools.declares("@biomejs/biome")) return undefined;
  if (config?.[part] === false) return undefined;
  const only = SUBCOMMAND[part];
  // The script that runs only this part ranks below `check`/`ci`, which run both, unless it writes.
  const rank = (command: ScriptCommand): number | undefined => {
    const [sub] = command.args;
    if (sub === only) return command.args.includes("--write") ? 1 : 2;
    return sub === "check" || sub === "ci" ? 1 : undefined;
  };
  const scope = toolScope(tools, {
    programs: ["biome"],
    valued: BIOME_VALUED,
    rank,
    subcommands: BIOME_SUBCOMMANDS,
  });
  const installed = tools.installed("@biomejs/biome");
  return {
    tool: {
      name: "biome",
      source: "repository",
      ...(installed && { version: installed.version }),
    },
    installed,
    paths: scope.paths,
    args: keptArgs(scope.args),
    scripted: scope.command !== undefined,
  };
}
