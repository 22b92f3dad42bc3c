/**
 * oxfmt (the Oxc formatter), by its own command in the repository: `oxfmt --list-different` on
 * the repository's scope, its config and ignore files honoured (oxfmt reads `.gitignore` and
 * `.prettierignore` itself). Never its default mode, which writes.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";

const VALUED = ["-c", "--config", "--ignore-path", "--threads", "--stdin-filepath", "--migrate"];

function rank(command: ScriptCommand): number | undefined {
  if (command.args.some((arg) => ["--check", "--list-different"].includes(arg))) return 2;
  return command.args.some((arg) => ["--init", "--lsp", "--migrate"].includes(arg))
    ? undefined
    : 1;
}

/** Rung 1's oxfmt. */
export const oxfmtFormatter: ToolAdapter = {
  name: "oxfmt",
  plan(tools) {
    const scope = toolScope(tools, { programs: ["oxfmt"], valued: VALUED, rank });
    const configured = tools.file(".oxfmtrc.json", ".oxfmtrc.jsonc") !== undefined;
    if (!configured && !tools.declares("oxfmt") && scope.command === undefined) return undefined;
    const installed = tools.installed("oxfmt");
    return {
      tool: {
        name: "oxfmt",
        source: "repository",
        ...(installed && { version: installed.version }),
      },
      installed,
      paths: scope.paths,
      args: scope.args.filter((arg) => !["--check", "--write", "--list-different"].includes(arg)),
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(1, plan.tool);
    const run = await runToolCommand(context, plan.installed, {
      bin: "oxfmt",
      args: ["--list-different", ...plan.args, ...plan.paths],
    });
    if (run.code !== 0 && run.code !== 1) throw new Error(firstErrorLine(run));
    const findings: Finding[] = run.stdout
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .map((file) => resolve(context.root, file))
      .filter((file) => context.onlyFiles?.has(file) !== false)
      .map((file) => ({
        ruleId: "oxfmt/format",
        rung: 1,
        file: relativePath(context.root, file),
        line: 1,
        column: 1,
        symbol: null,
        message: "Not formatted as oxfmt formats it. Run oxfmt on this file.",
      }));
    if (run.code === 1 && findings.length === 0) throw new Error(firstErrorLine(run));
    return { status: findings.length === 0 ? "passed" : "failed", findings, tool: plan.tool };
  },
};
