/**
 * What `tsc --noEmit -p <project>` reports for a Program, in its order and by its rules: the
 * tsconfig's own errors; then syntax errors; only when there are none, option and global errors,
 * then the type errors; and, for a project that emits declarations, the declaration errors when
 * nothing else was wrong (tsc checks them last, as it would emit them). Files a project only reads
 * as a referenced project's sources are that project's to report, not this one's.
 */
import { isReferencedSource } from "../ladder/create-program.js";
import type ts from "../typescript.cjs";

/**
 * Collects a Program's diagnostics as tsc would report them.
 *
 * @param program - the Program
 * @param onlyFiles - with `--staged` / `--since`, the files whose diagnostics matter (project-wide
 *   ones always do): checking a few files of a large Program takes a fraction of checking all
 * @returns the diagnostics
 * @example
 * ```ts
 * typecheckDiagnostics(program, undefined).length; // 0 for a project tsc accepts
 * ```
 */
export function typecheckDiagnostics(
  program: ts.Program,
  onlyFiles: ReadonlySet<string> | undefined,
): ts.Diagnostic[] {
  const files = program
    .getSourceFiles()
    .filter(
      (file) =>
        !isReferencedSource(program, file.fileName) &&
        (onlyFiles === undefined || onlyFiles.has(file.fileName)),
    );
  const diagnostics = [...program.getConfigFileParsingDiagnostics()];
  const before = diagnostics.length;
  diagnostics.push(...files.flatMap((file) => program.getSyntacticDiagnostics(file)));
  if (diagnostics.length !== before) return diagnostics;
  diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
  if (diagnostics.length !== before) return diagnostics;
  diagnostics.push(...files.flatMap((file) => program.getSemanticDiagnostics(file)));
  const options = program.getCompilerOptions();
  const declarations = options.declaration === true || options.composite === true;
  if (declarations && diagnostics.length === before) {
    diagnostics.push(...files.flatMap((file) => program.getDeclarationDiagnostics(file)));
  }
  return diagnostics;
}
