/**
 * Rung 0, compiles: zero TypeScript diagnostics under the project's tsconfig, from the one Program
 * the scorer shares.
 */
import ts from "../typescript.cjs";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { relativePath } from "./relative-path.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 0. */
export const compiles: Rung = {
  id: 0,
  name: "compiles",
  run(context) {
    try {
      const program = context.program();
      const findings = diagnostics(program, context.onlyFiles).map((diagnostic) =>
        toFinding(diagnostic, context.root),
      );
      return Promise.resolve({ status: findings.length === 0 ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(0, "typescript", error));
    }
  },
};

/**
 * What `tsc` would report, or with `onlyFiles` (`--staged`, `--since`) the program-wide
 * diagnostics plus those of the listed files only: checking a few files of a large program
 * takes a fraction of checking all of them.
 */
function diagnostics(
  program: ts.Program,
  onlyFiles: ReadonlySet<string> | undefined,
): readonly ts.Diagnostic[] {
  if (onlyFiles === undefined) return ts.getPreEmitDiagnostics(program);
  const declarations = program.getCompilerOptions().declaration === true;
  const files = program.getSourceFiles().filter((file) => onlyFiles.has(file.fileName));
  return [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
      ...(declarations ? program.getDeclarationDiagnostics(file) : []),
    ]),
  ];
}

function toFinding(diagnostic: ts.Diagnostic, root: string): Finding {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  const base = { ruleId: `typescript/TS${String(diagnostic.code)}`, rung: 0, symbol: null };
  const message = `${text} Change the code (or its types) until TypeScript accepts it.`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return { ...base, file: "tsconfig.json", line: 1, column: 1, message };
  }
  const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return {
    ...base,
    file: relativePath(root, diagnostic.file.fileName),
    line: position.line + 1,
    column: position.character + 1,
    message,
  };
}
