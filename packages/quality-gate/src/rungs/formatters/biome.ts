/**
 * Biome's formatter, by the repository's own `biome format` (which checks and writes nothing
 * without `--write`), on the repository's scope, with its `biome.json`: its includes, ignores
 * and version-control settings are Biome's to apply.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import { readBiomeConfig } from "../../tools/biome-config.js";
import { parseAnnotations } from "../../tools/github-annotations.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";

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

function rank(command: ScriptCommand): number | undefined {
  const [sub] = command.args;
  if (sub === "format") return command.args.includes("--write") ? 1 : 2;
  return sub === "check" || sub === "ci" ? 1 : undefined;
}

/** Rung 1's Biome. */
export const biomeFormatter: ToolAdapter = {
  name: "biome",
  plan(tools) {
    const config = readBiomeConfig(tools);
    // Biome's formatter is on unless its configuration turns it off.
    if (config === undefined && !tools.declares("@biomejs/biome")) return undefined;
    if (config?.formatter === false) return undefined;
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
      args: [],
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(1, plan.tool);
    const run = await runToolCommand(context, plan.installed, {
      bin: "biome",
      args: ["format", "--reporter=github", "--max-diagnostics=none", ...plan.paths],
    });
    const annotations = parseAnnotations(`${run.stdout}\n${run.stderr}`);
    if (run.code !== 0 && annotations.length === 0) throw new Error(firstErrorLine(run));
    const findings: Finding[] = annotations
      .filter((annotation) => annotation.file !== undefined && annotation.level === "error")
      .map((annotation) => ({
        ...annotation,
        path: resolve(context.root, annotation.file ?? "."),
      }))
      .filter((annotation) => context.onlyFiles?.has(annotation.path) !== false)
      .map((annotation) => ({
        ruleId: `biome/${annotation.title || "format"}`,
        rung: 1,
        file: relativePath(context.root, annotation.path),
        line: annotation.line,
        column: annotation.column,
        symbol: null,
        message: `Not formatted as Biome formats it from line ${String(annotation.line)}. Run biome format --write on this file.`,
      }));
    return {
      status: run.code === 0 && findings.length === 0 ? "passed" : "failed",
      findings,
      tool: plan.tool,
    };
  },
};
