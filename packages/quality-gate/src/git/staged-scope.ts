/**
 * The scope of `--staged`: the staged files plus every file that imports one of them. TypeScript
 * cannot type-check a file alone (TypeScript#27379; `tsc-files` loses ambient types), so the gate
 * builds the full program from the tsconfig and keeps only the diagnostics inside this scope: an
 * importer broken by a staged change is reported, an unrelated file's old error is not.
 */
import { dirname, resolve } from "node:path";
import ts from "../typescript.cjs";

/**
 * Lists the files whose diagnostics `--staged` reports.
 *
 * @param program - the full program built from the tsconfig
 * @param staged - absolute paths of the staged files
 * @param deleted - absolute paths of files whose deletion is staged: files that still import
 *   one of them are in scope too
 * @returns absolute paths: the staged files and their direct importers
 * @example
 * ```ts
 * stagedScope(program, ["/repo/src/a.ts"]); // Set { "/repo/src/a.ts", "/repo/src/uses-a.ts" }
 * ```
 */
export function stagedScope(
  program: ts.Program,
  staged: readonly string[],
  deleted: readonly string[] = [],
): Set<string> {
  const targets = new Set(staged);
  const gone = new Set(deleted.map(withoutExtension));
  const scope = new Set(staged);
  const checker = program.getTypeChecker();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || scope.has(file.fileName)) continue;
    const imports = importedFiles(file, checker).some((imported) => targets.has(imported));
    if (imports || (gone.size > 0 && importsDeleted(file, gone))) {
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

/** Whether a file has a relative import of a path in `gone` (compared without extensions). */
function importsDeleted(file: ts.SourceFile, gone: ReadonlySet<string>): boolean {
  return file.statements.some((statement) => {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return false;
    if (!specifier.text.startsWith(".")) return false;
    return gone.has(withoutExtension(resolve(dirname(file.fileName), specifier.text)));
  });
}

function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$/, "");
}
