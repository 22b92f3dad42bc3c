/**
 * Biome's formatter, by the repository's own `biome format` (which checks and writes nothing
 * without `--write`), on the repository's scope, with its `biome.json`: its includes, ignores
 * and version-control settings are Biome's to apply.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import { parseAnnotations } from "../../tools/github-annotations.js";
import { biomePlan } from "../biome-plan.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";

/** Rung 1's Biome. */
export const biomeFormatter: ToolAdapter = {
  name: "biome",
  plan(tools) {
    // Rung 1 passes on none of the script's own arguments.
    return biomePlan(tools, "formatter", () => []);
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
