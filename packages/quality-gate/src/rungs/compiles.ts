/**
 * Rung 0, compiles: zero TypeScript diagnostics under each of the repository's TypeScript
 * projects, as its own `tsc --noEmit -p` reports them: in process, from the Programs the scorer
 * shares, when the repository's TypeScript has a JS API; else by running the repository's own
 * compiler (TypeScript 7's `tsc`, `tsgo`). A project that references others is checked in
 * process either way: a compiler's command would need their build output, and the gate never
 * builds into a repository.
 */
import { resolve } from "node:path";
import type { ProjectProgram } from "../ladder/create-program.js";
import type { Finding, RungOutcome, ToolUsed } from "../ladder/finding.js";
import type { Rung, RungContext } from "../ladder/rung.js";
import type { TsconfigProject } from "../project/find-tsconfigs.js";
import { runCommand } from "../tools/run-command.js";
import ts from "../typescript.cjs";
import { relativePath } from "./relative-path.js";
import { firstErrorLine } from "./tool-command.js";
import { toolFailure } from "./tool-failure.js";
import { parseTscOutput } from "./tsc-output.js";
import { typecheckDiagnostics } from "./typecheck-diagnostics.js";

/** How long one project's check may take before it counts as a tool failure. */
const COMMAND_TIMEOUT_MS = 15 * 60_000;

/** Rung 0. */
export const compiles: Rung = {
  id: 0,
  name: "compiles",
  traits: { readsSurface: false, wholeInOneShard: false, sinceScope: "changes" },
  async run(context) {
    const command = context.typescript?.command;
    try {
      const findings =
        command === undefined
          ? inProcess(context, context.programs())
          : await byCommand(context, command);
      return outcome(once(findings), tool(context, command));
    } catch (error) {
      return {
        ...toolFailure(0, context.typescript?.checker.name ?? "typescript", error),
        tool: tool(context, command),
      };
    }
  },
};

function outcome(findings: readonly Finding[], used: ToolUsed): RungOutcome {
  return { status: findings.length === 0 ? "passed" : "failed", findings, tool: used };
}

function tool(context: RungContext, command: string | undefined): ToolUsed {
  const checker = context.typescript?.checker ?? {
    name: "typescript",
    version: ts.version,
    source: "bundled",
  };
  const references = context.project.tsconfigs.some(hasReferences);
  return {
    name: checker.name,
    version: checker.version,
    source: checker.source,
    ...(command !== undefined && references
      ? {
          note: `projects that reference others are checked in process with TypeScript ${ts.version}: ${checker.name} would need their build output`,
        }
      : {}),
  };
}

function hasReferences(tsconfig: TsconfigProject): boolean {
  return (tsconfig.reading.parsed?.projectReferences ?? []).length > 0;
}

function inProcess(context: RungContext, programs: readonly ProjectProgram[]): Finding[] {
  return programs.flatMap(({ program, tsconfig }) =>
    typecheckDiagnostics(program, context.onlyFiles).map((diagnostic) =>
      toFinding(diagnostic, context.root, tsconfig.file),
    ),
  );
}

/** Runs the compiler's command per project (but those with references, checked in process). */
async function byCommand(context: RungContext, command: string): Promise<Finding[]> {
  const referencing = context.project.tsconfigs.filter(
    (tsconfig) => !tsconfig.solution && hasReferences(tsconfig),
  );
  const findings =
    referencing.length === 0
      ? []
      : inProcess(
          context,
          context.programs().filter(({ tsconfig }) => referencing.includes(tsconfig)),
        );
  for (const tsconfig of context.project.tsconfigs) {
    if (tsconfig.solution || hasReferences(tsconfig)) continue;
    findings.push(...(await checkByCommand(context, command, tsconfig)));
  }
  return findings;
}

async function checkByCommand(
  context: RungContext,
  command: string,
  tsconfig: TsconfigProject,
): Promise<Finding[]> {
  const run = await runCommand(
    process.execPath,
    [command, "--noEmit", "-p", tsconfig.file, "--pretty", "false"],
    {
      cwd: context.root,
      env: process.env,
      timeoutMs: COMMAND_TIMEOUT_MS,
      signal: context.signal,
    },
  );
  const printed = parseTscOutput(run.stdout);
  if (run.code !== 0 && printed.length === 0) {
    // Node's own crash starts with the line that threw (`node:internal/...:1210`); the error's
    // words are further down.
    const minutes = String(COMMAND_TIMEOUT_MS / 60_000);
    throw new Error(
      run.timedOut ? `it did not finish in ${minutes} minutes` : firstErrorLine(run),
    );
  }
  return printed.flatMap((diagnostic) => {
    const file =
      diagnostic.file === undefined ? tsconfig.file : resolve(context.root, diagnostic.file);
    if (diagnostic.file !== undefined && context.onlyFiles?.has(file) === false) return [];
    const at = {
      file: relativePath(context.root, file),
      line: diagnostic.line,
      column: diagnostic.column,
    };
    return [finding(`TS${String(diagnostic.code)}`, at, diagnostic.message)];
  });
}

/** Two projects that include the same file report its errors once. */
function once(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((item) => {
    const key = [item.file, item.line, item.column, item.ruleId, item.message].join("\0");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFinding(diagnostic: ts.Diagnostic, root: string, tsconfig: string): Finding {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  const code = `TS${String(diagnostic.code)}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return finding(code, { file: relativePath(root, tsconfig), line: 1, column: 1 }, text);
  }
  const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const at = {
    file: relativePath(root, diagnostic.file.fileName),
    line: position.line + 1,
    column: position.character + 1,
  };
  return finding(code, at, text);
}

function finding(
  code: string,
  at: Pick<Finding, "file" | "line" | "column">,
  text: string,
): Finding {
  return {
    ruleId: `typescript/${code}`,
    rung: 0,
    ...at,
    symbol: null,
    message: `${text} Change the code (or its types) until TypeScript accepts it.`,
  };
}
