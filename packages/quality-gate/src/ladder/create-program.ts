/**
 * Builds the one TypeScript Program that rung 0 and the scorer share, from a repository's
 * tsconfig.json, with the `typescript` package exactly as `tsc` does. Not through a ts-morph
 * Project: ts-morph never sets a file's implied module format (ts-morph#1446, #1667), so under
 * `module: nodenext` it types ESM files as CommonJS and reports TS1470 on `import.meta`, and its
 * bundled TypeScript keeps the lib files in memory where a plain Program cannot find them.
 */
import { join } from "node:path";
import { preparsedLibFiles } from "../snapshot/preparsed-libs.js";
import ts from "../typescript.cjs";

/** A repository's tsconfig.json as read for {@link createProgram}: its options and files, or why not. */
export interface TsconfigReading {
  /** The parsed configuration, or `undefined` when the file could not be read at all. */
  readonly parsed: ts.ParsedCommandLine | undefined;
  /** Errors that stopped the parse (a missing or unreadable file); rung 0 reports them. */
  readonly diagnostics: readonly ts.Diagnostic[];
}

/**
 * Reads a repository's tsconfig.json once, for {@link createProgram} and anything else that needs
 * its file list (the TSDoc prefetch): listing the files walks the whole `include`.
 *
 * @param root - the repository root, holding tsconfig.json
 * @returns the parsed configuration and the errors that stopped a parse
 * @example
 * ```ts
 * readTsconfig("/repo").parsed?.fileNames; // ["/repo/src/index.ts", …]
 * ```
 */
export function readTsconfig(root: string): TsconfigReading {
  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, host);
  return { parsed, diagnostics };
}

/**
 * Creates the Program for a repository, with its tsconfig's parse errors attached so rung 0
 * reports them.
 *
 * @param root - the repository root, holding tsconfig.json
 * @param contents - texts to use instead of the files on disk, by absolute path (`--staged` reads
 *   the staged version of each staged file, not the working tree's)
 * @param tsconfig - the repository's tsconfig, when the caller has read it already
 * @returns the Program
 * @example
 * ```ts
 * const program = createProgram("/repo");
 * ts.getPreEmitDiagnostics(program).length; // 0 for a clean repository
 * ```
 */
export function createProgram(
  root: string,
  contents?: ReadonlyMap<string, string>,
  tsconfig: TsconfigReading = readTsconfig(root),
): ts.Program {
  const { parsed, diagnostics } = tsconfig;
  if (parsed === undefined) {
    return ts.createProgram({
      rootNames: [],
      options: {},
      configFileParsingDiagnostics: diagnostics,
    });
  }
  return ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host: compilerHost(parsed.options, contents),
    projectReferences: parsed.projectReferences ?? [],
    // As tsc does: the tsconfig's own JSON syntax errors (TS1005, TS1136) are not in `errors`.
    configFileParsingDiagnostics: [...diagnostics, ...ts.getConfigFileParsingDiagnostics(parsed)],
  });
}

/**
 * The compiler host: JSDoc parsed only where it matters to type errors, as tsc itself does (the
 * scorer reads doc comments with the TSDoc parser, and parsing every comment twice cost a tenth
 * of a run); directory lookups remembered for the one build (module resolution asks about the
 * same directories for every import); `contents` in place of files on disk; TypeScript's lib files
 * already parsed and bound when the process started from a snapshot (`quality-gate warm`).
 */
function compilerHost(
  options: ts.CompilerOptions,
  contents: ReadonlyMap<string, string> | undefined,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const directories = new Map<string, boolean>();
  const directoryExists =
    host.directoryExists?.bind(host) ?? ((path: string): boolean => ts.sys.directoryExists(path));
  host.directoryExists = (path) => {
    let exists = directories.get(path);
    if (exists === undefined) {
      exists = directoryExists(path);
      directories.set(path, exists);
    }
    return exists;
  };
  if (contents !== undefined) {
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => contents.get(file) ?? readFile(file);
  }
  const libFiles = preparsedLibFiles(options);
  if (libFiles !== undefined) {
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, ...rest) => libFiles.get(file) ?? getSourceFile(file, ...rest);
  }
  return host;
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
  return readTsconfig(root).parsed?.fileNames ?? [];
}
