/**
 * The scope of `--staged`: the staged files plus every file that imports one of them. TypeScript
 * cannot type-check a file alone (TypeScript#27379; `tsc-files` loses ambient types), so the gate
 * builds the full program from the tsconfig and keeps only the diagnostics inside this scope: an
 * importer broken by a staged change is reported, an unrelated file's old error is not.
 */
import ts from "../typescript.cjs";

/**
 * Lists the files whose diagnostics `--staged` reports.
 *
 * @param program - the full program built from the tsconfig
 * @param staged - absolute paths of the staged files
 * @returns absolute paths: the staged files and their direct importers
 * @example
 * ```ts
 * stagedScope(program, ["/repo/src/a.ts"]); // Set { "/repo/src/a.ts", "/repo/src/uses-a.ts" }
 * ```
 */
export function stagedScope(program: ts.Program, staged: readonly string[]): Set<string> {
  const targets = new Set(staged);
  const scope = new Set(staged);
  const checker = program.getTypeChecker();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || scope.has(file.fileName)) continue;
    if (importedFiles(file, checker).some((imported) => targets.has(imported))) {
      scope.add(file.fileName);
    }
  }
  return scope;
}

/** The source files a file imports or re-exports from, resolved by the checker. */
function importedFiles(file: ts.SourceFile, checker: ts.TypeChecker): string[] {
  const imported: string[] = [];
  for (const statement of file.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (specifier === undefined) continue;
    const declaration = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
    if (declaration !== undefined && ts.isSourceFile(declaration)) {
      imported.push(declaration.fileName);
    }
  }
  return imported;
}
