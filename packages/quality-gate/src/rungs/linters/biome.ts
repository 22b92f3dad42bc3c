/**
 * Biome's linter, by the repository's own `biome lint` (without `--write`), on the repository's
 * scope, with its `biome.json`; findings from Biome's GitHub annotations.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import { parseAnnotations } from "../../tools/github-annotations.js";
import { biomePlan } from "../biome-plan.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";
import { lintVerdict, maxWarningsOf } from "./lint-verdict.js";

/** Rung 2's Biome. */
export const biomeLinter: ToolAdapter = {
  name: "biome",
  plan(tools) {
    return biomePlan(tools, "linter", (args) =>
      args.filter((arg) => arg === "--error-on-warnings"),
    );
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
