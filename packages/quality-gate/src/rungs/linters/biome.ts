/**
 * Biome's linter, by the repository's own `biome lint` (without `--write`), on the repository's
 * scope, with its `biome.json`; findings from Biome's GitHub annotations.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import { readBiomeConfig } from "../../tools/biome-config.js";
import { parseAnnotations } from "../../tools/github-annotations.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { BIOME_SUBCOMMANDS, BIOME_VALUED } from "../formatters/biome.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";
import { lintVerdict, maxWarningsOf } from "./lint-verdict.js";

function rank(command: ScriptCommand): number | undefined {
  const [sub] = command.args;
  if (sub === "lint") return command.args.includes("--write") ? 1 : 2;
  return sub === "check" || sub === "ci" ? 1 : undefined;
}

/** Rung 2's Biome. */
export const biomeLinter: ToolAdapter = {
  name: "biome",
  plan(tools) {
    const config = readBiomeConfig(tools);
    // Biome's linter is on unless its configuration turns it off.
    if (config === undefined && !tools.declares("@biomejs/biome")) return undefined;
    if (config?.linter === false) return undefined;
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
      args: scope.args.filter((arg) => arg === "--error-on-warnings"),
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(2, plan.tool);
    const run = await runToolCommand(context, plan.installed, {
      bin: "biome",
      args: ["lint", "--reporter=github", "--max-diagnostics=none", ...plan.paths],
    });
    const annotations = parseAnnotations(`${run.stdout}\n${run.stderr}`);
    if (run.code !== 0 && annotations.length === 0) throw new Error(firstErrorLine(run));
    const findings: Finding[] = [];
    let errors = 0;
    for (const annotation of annotations) {
      if (annotation.file === undefined) continue;
      const file = resolve(context.root, annotation.file);
      if (context.onlyFiles?.has(file) === false) continue;
      const error = annotation.level === "error";
      if (error) errors++;
      findings.push({
        ruleId: `biome/${annotation.title}`,
        rung: 2,
        file: relativePath(context.root, file),
        line: annotation.line,
        column: annotation.column,
        symbol: null,
        message: `${annotation.message} (${error ? "error" : "warning"})`,
      });
    }
    return lintVerdict(
      { findings, errors, warnings: findings.length - errors },
      maxWarningsOf(plan.args),
      plan.tool,
    );
  },
};
