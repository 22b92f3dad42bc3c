/**
 * ESLint, the repository's own (8, 9 or 10; flat config or legacy `.eslintrc`), by its own command
 * in the repository with the options and scope of the repository's lint script, its JSON report
 * read into findings. Its cache, when the gate keeps one, goes to the gate's cache folder.
 */
import { join } from "node:path";
import { majorMinor } from "../../tools/installed-package.js";
import { parseEslintJson } from "../../tools/eslint-json.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";
import { lintVerdict, maxWarningsOf } from "./lint-verdict.js";

const FLAT_CONFIGS = ["js", "mjs", "cjs", "ts", "mts", "cts"].map(
  (ext) => `eslint.config.${ext}`,
);
const LEGACY_CONFIGS = [
  ".eslintrc.js",
  ".eslintrc.cjs",
  ".eslintrc.yaml",
  ".eslintrc.yml",
  ".eslintrc.json",
  ".eslintrc",
];

/** ESLint's options that take a value. */
const VALUED = [
  "-c",
  "--config",
  "--ext",
  "--env",
  "--global",
  "--parser",
  "--parser-options",
  "--resolve-plugins-relative-to",
  "--rulesdir",
  "--plugin",
  "--rule",
  "--ignore-path",
  "--ignore-pattern",
  "--stdin-filename",
  "-o",
  "--output-file",
  "-f",
  "--format",
  "--max-warnings",
  "--cache-location",
  "--cache-strategy",
  "--report-unused-disable-directives-severity",
  "--flag",
  "--concurrency",
];

/** Options the gate sets itself or that would write: dropped from the repository's command. */
const DROPPED = new Set([
  "--fix",
  "--fix-dry-run",
  "--fix-type",
  "-f",
  "--format",
  "-o",
  "--output-file",
  "--cache",
  "--cache-location",
  "--cache-strategy",
  "--color",
  "--no-color",
  "--debug",
]);

function rank(command: ScriptCommand): number | undefined {
  if (command.args.includes("--print-config") || command.args.includes("--init"))
    return undefined;
  return command.args.some((arg) => arg.startsWith("--fix")) ? 1 : 2;
}

/** The repository's command's options, without those the gate replaces. */
function keptArgs(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    const name = arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg;
    if (DROPPED.has(name)) {
      if (!arg.includes("=") && VALUED.includes(name)) index++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

/** Rung 2's ESLint. */
export const eslintLinter: ToolAdapter = {
  name: "eslint",
  plan(tools) {
    const scope = toolScope(tools, { programs: ["eslint"], valued: VALUED, rank });
    const configured =
      tools.file(...FLAT_CONFIGS, ...LEGACY_CONFIGS) !== undefined ||
      tools.manifestKeys.has("eslintConfig");
    if (!configured && scope.command === undefined) return undefined;
    const installed = tools.installed("eslint");
    const flat = tools.file(...FLAT_CONFIGS) !== undefined;
    return {
      tool: {
        name: "eslint",
        source: "repository",
        ...(installed && { version: installed.version }),
        note: flat ? "flat config" : "legacy .eslintrc config",
      },
      installed,
      paths: scope.paths,
      args: keptArgs(scope.args),
      scripted: scope.command !== undefined,
      env: { ESLINT_USE_FLAT_CONFIG: flat ? "true" : "false" },
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(2, plan.tool);
    const flat = plan.env?.ESLINT_USE_FLAT_CONFIG === "true";
    const { args } = plan;
    const major = majorMinor(plan.installed.version)[0];
    const cache =
      context.cacheDir === undefined
        ? []
        : [
            "--cache",
            "--cache-location",
            join(context.cacheDir, "eslint-cli.cache"),
            "--cache-strategy",
            "content",
          ];
    const run = await runToolCommand(context, plan.installed, {
      bin: "eslint",
      args: [
        ...args,
        "--format",
        "json",
        ...cache,
        ...(flat && major >= 9 ? ["--no-warn-ignored"] : []),
        ...plan.paths,
      ],
      env: plan.env ?? {},
    });
    const lint = parseEslintJson(run.stdout, {
      root: context.root,
      prefix: "eslint",
      onlyFiles: context.onlyFiles,
    });
    if (lint === undefined || (run.code !== 0 && run.code !== 1))
      throw new Error(firstErrorLine(run));
    return lintVerdict(lint, maxWarningsOf(args), plan.tool);
  },
};
