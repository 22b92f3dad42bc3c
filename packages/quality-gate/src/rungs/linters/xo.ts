/**
 * xo, the repository's own (an ESLint wrapper with its own defaults), by its own command on the
 * scope of its scripts (without `--fix`), its ESLint-format JSON report read into findings.
 */
import { parseEslintJson } from "../../tools/eslint-json.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";
import { lintVerdict } from "./lint-verdict.js";

const VALUED = [
  "--reporter",
  "--config",
  "--ignore",
  "--cwd",
  "--stdin-filename",
  "--print-config",
];

function rank(command: ScriptCommand): number | undefined {
  if (command.args.includes("--print-config") || command.args.includes("--version"))
    return undefined;
  return command.args.includes("--fix") ? 1 : 2;
}

/** Rung 2's xo. */
export const xoLinter: ToolAdapter = {
  name: "xo",
  plan(tools) {
    const scope = toolScope(tools, { programs: ["xo"], valued: VALUED, rank });
    const configured =
      tools.file(
        "xo.config.js",
        "xo.config.mjs",
        "xo.config.cjs",
        "xo.config.ts",
        ".xo-config.json",
        ".xo-config.js",
      ) !== undefined || tools.manifestKeys.has("xo");
    if (!configured && !tools.declares("xo") && scope.command === undefined) return undefined;
    const installed = tools.installed("xo");
    const keep = ["--space", "--semicolon", "--react", "--prettier", "--quiet"];
    return {
      tool: {
        name: "xo",
        source: "repository",
        ...(installed && { version: installed.version }),
      },
      installed,
      paths: scope.paths.filter((path) => path !== "."),
      args: scope.args.filter((arg) =>
        keep.some((option) => arg === option || arg.startsWith(`${option}=`)),
      ),
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(2, plan.tool);
    const run = await runToolCommand(context, plan.installed, {
      bin: "xo",
      args: [...plan.args, "--reporter=json", ...plan.paths],
    });
    const lint = parseEslintJson(run.stdout, {
      root: context.root,
      prefix: "xo",
      onlyFiles: context.onlyFiles,
    });
    if (lint === undefined || (run.code !== 0 && run.code !== 1))
      throw new Error(firstErrorLine(run));
    // xo, like ESLint, fails on errors only.
    return lintVerdict(lint, Infinity, plan.tool);
  },
};
