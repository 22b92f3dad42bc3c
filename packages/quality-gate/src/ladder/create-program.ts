/**
 * Builds the one TypeScript Program that rung 0 and the scorer share, from a repository's
 * tsconfig.json, with the `typescript` package exactly as `tsc` does. Not through a ts-morph
 * Project: ts-morph never sets a file's implied module format (ts-morph#1446, #1667), so under
 * `module: nodenext` it types ESM files as CommonJS and reports TS1470 on `import.meta`, and its
 * bundled TypeScript keeps the lib files in memory where a plain Program cannot find them.
 */
import { join } from "node:path";
import ts from "../typescript.cjs";

/**
 * Creates the Program for a repository, with its tsconfig's parse errors attached so rung 0
 * reports them.
 *
 * @param root - the repository root, holding tsconfig.json
 * @param contents - texts to use instead of the files on disk, by absolute path (`--staged` reads
 *   the staged version of each staged file, not the working tree's)
 * @returns the Program
 * @example
 * ```ts
 * const program = createProgram("/repo");
 * ts.getPreEmitDiagnostics(program).length; // 0 for a clean repository
 * ```
 */
export function createProgram(root: string, contents?: ReadonlyMap<string, string>): ts.Program {
  const configFile = join(root, "tsconfig.json");
  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, host);
  if (parsed === undefined) {
    return ts.createProgram({
      rootNames: [],
      options: {},
      configFileParsingDiagnostics: diagnostics,
    });
  }
  // Parse JSDoc only where it matters to type errors, as tsc itself does: the scorer reads doc
  // comments with the TSDoc parser, and parsing every comment twice cost a tenth of a run.
  const compilerHost = ts.createCompilerHost(parsed.options);
  compilerHost.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  if (contents !== undefined) {
    const readFile = compilerHost.readFile.bind(compilerHost);
    compilerHost.readFile = (file) => contents.get(file) ?? readFile(file);
  }
  return ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host: compilerHost,
    projectReferences: parsed.projectReferences ?? [],
    configFileParsingDiagnostics: [...diagnostics, ...parsed.errors],
  });
}

/**
 * Lists the source files a repository's tsconfig.json names, as {@link createProgram} reads them.
 *
 * @param root - the repository root, holding tsconfig.json
 * @returns absolute paths; empty when the tsconfig cannot be read (rung 0 reports why)
 * @example
 * ```ts
 * tsconfigFileNames("/repo"); // ["/repo/src/index.ts", …]
 * ```
 */
export function tsconfigFileNames(root: string): string[] {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    // Rung 0 reports a broken tsconfig; here it only means there is nothing to read ahead.
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, host);
  return parsed?.fileNames ?? [];
}
