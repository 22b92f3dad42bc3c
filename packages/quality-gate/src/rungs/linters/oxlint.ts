/**
 * oxlint, the repository's own, by its own command with the options and scope of its lint script
 * (without `--fix`), its JSON report read into findings.
 */
import { resolve } from "node:path";
import type { Finding } from "../../ladder/finding.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { relativePath } from "../relative-path.js";
import { firstErrorLine, runToolCommand } from "../tool-command.js";
import { notInstalled } from "../tool-failure.js";
import type { ToolAdapter } from "../tool-adapter.js";
import { lintVerdict, maxWarningsOf } from "./lint-verdict.js";

const VALUED = [
  "-c",
  "--config",
  "--tsconfig",
  "-A",
  "--allow",
  "-W",
  "--warn",
  "-D",
  "--deny",
  "--ignore-path",
  "--ignore-pattern",
  "--max-warnings",
  "--threads",
  "-f",
  "--format",
  "--import-plugin",
];
const DROPPED = new Set([
  "--fix",
  "--fix-suggestions",
  "--fix-dangerously",
  "-f",
  "--format",
  "--silent",
]);

interface OxlintReport {
  readonly diagnostics: readonly {
    readonly message: string;
    readonly code?: string;
    readonly severity: string;
    readonly filename: string;
    readonly labels?: readonly {
      readonly span?: { readonly line?: number; readonly column?: number };
    }[];
  }[];
}

function rank(command: ScriptCommand): number | undefined {
  if (command.args.some((arg) => ["--init", "--rules", "--print-config", "--lsp"].includes(arg)))
    return undefined;
  return command.args.some((arg) => arg.startsWith("--fix")) ? 1 : 2;
}

/** Rung 2's oxlint. */
export const oxlintLinter: ToolAdapter = {
  name: "oxlint",
  plan(tools) {
    const scope = toolScope(tools, { programs: ["oxlint"], valued: VALUED, rank });
    const configured =
      tools.file(".oxlintrc.json", "oxlintrc.json", ".oxlintrc.jsonc") !== undefined;
    if (!configured && !tools.declares("oxlint") && scope.command === undefined) return undefined;
    const installed = tools.installed("oxlint");
    const args: string[] = [];
    for (let index = 0; index < scope.args.length; index++) {
      const arg = scope.args[index] ?? "";
      if (DROPPED.has(arg)) {
        if (VALUED.includes(arg)) index++;
      } else args.push(arg);
    }
    return {
      tool: {
        name: "oxlint",
        source: "repository",
        ...(installed && { version: installed.version }),
      },
      installed,
      paths: scope.paths,
      args,
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined) return notInstalled(2, plan.tool);
    const run = await runToolCommand(context, plan.installed, {
      bin: "oxlint",
      args: [...plan.args, "--format", "json", ...plan.paths],
    });
    const start = run.stdout.indexOf("{");
    let report: OxlintReport;
    try {
      report = JSON.parse(run.stdout.slice(Math.max(start, 0))) as OxlintReport;
    } catch {
      throw new Error(firstErrorLine(run));
    }
    const findings = report.diagnostics.flatMap((diagnostic) => {
      const file = resolve(context.root, diagnostic.filename);
      return context.onlyFiles?.has(file) === false
        ? []
        : [toFinding(diagnostic, relativePath(context.root, file))];
    });
    const errors = findings.filter((finding) => finding.message.endsWith("(error)")).length;
    const lint = { findings, errors, warnings: findings.length - errors };
    return lintVerdict(lint, maxWarningsOf(plan.args), plan.tool);
  },
};

function toFinding(diagnostic: OxlintReport["diagnostics"][number], file: string): Finding {
  const error = diagnostic.severity === "error";
  const span = diagnostic.labels?.[0]?.span;
  return {
    ruleId: `oxlint/${(diagnostic.code ?? "unknown").replace(/^([\w-]+)\((.+)\)$/, "$1/$2")}`,
    rung: 2,
    file,
    line: span?.line ?? 1,
    column: span?.column ?? 1,
    symbol: null,
    message: `${diagnostic.message} (${error ? "error" : "warning"})`,
  };
}
