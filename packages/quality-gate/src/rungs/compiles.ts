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
      const findings = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file === undefined || context.onlyFiles?.has(d.file.fileName) !== false)
        .map((diagnostic) => toFinding(diagnostic, context.root));
      return Promise.resolve({ status: findings.length === 0 ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(0, "typescript", error));
    }
  },
};

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
