/**
 * Builds the TypeScript Programs that rung 0 and the scorer share, one per project the
 * repository type-checks (see `find-tsconfigs.ts`), with the `typescript` package exactly as
 * `tsc` does. Not through a ts-morph Project: ts-morph never sets a file's implied module format
 * (ts-morph#1446, #1667), so under `module: nodenext` it types ESM files as CommonJS and reports
 * TS1470 on `import.meta`, and its bundled TypeScript keeps the lib files in memory where a plain
 * Program cannot find them.
 *
 * A project that references others reads their sources, not their build output (as the language
 * service does): `tsc -b` would build the referenced projects first, and the gate never writes
 * into a repository, so their `.d.ts` files may not exist.
 */
import { readTsconfig } from "../project/read-tsconfig.js";
import type { TsconfigReading } from "../project/read-tsconfig.js";
import type { TsconfigProject } from "../project/find-tsconfigs.js";
import { preparsedLibFiles } from "../snapshot/preparsed-libs.js";
import { libReuseKey } from "../snapshot/lib-reuse.js";
import ts from "../typescript.cjs";

/**
 * Source files parsed for one Program that another may use: the language service's rule (equal
 * source-file-affecting options), keyed per file by {@link libReuseKey}. A multi-project
 * repository then parses each shared file once.
 */
export type SharedSourceFiles = Map<string, ts.SourceFile>;

/**
 * Creates the Program of one project, with its tsconfig's parse errors attached so rung 0
 * reports them.
 *
 * @param rootOrFile - a folder holding tsconfig.json, or a tsconfig file
 * @param contents - texts to use instead of the files on disk, by absolute path (`--staged` reads
 *   the staged version of each staged file, not the working tree's)
 * @param tsconfig - the project's tsconfig, when the caller has read it already
 * @param shared - source files other Programs of this run parsed, to reuse where they fit
 * @returns the Program
 * @example
 * ```ts
 * const program = createProgram("/repo");
 * ts.getPreEmitDiagnostics(program).length; // 0 for a clean repository
 * ```
 */
export function createProgram(
  rootOrFile: string,
  contents?: ReadonlyMap<string, string>,
  tsconfig: TsconfigReading = readTsconfig(rootOrFile),
  shared?: SharedSourceFiles,
): ts.Program {
  const { parsed, diagnostics } = tsconfig;
  if (parsed === undefined) {
    return ts.createProgram({
      rootNames: [],
      options: {},
      configFileParsingDiagnostics: diagnostics,
    });
  }
  const projectReferences = parsed.projectReferences ?? [];
  return ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host: compilerHost(parsed.options, contents, projectReferences.length > 0, shared),
    projectReferences,
    // As tsc does: the tsconfig's own JSON syntax errors (TS1005, TS1136) are not in `errors`.
    configFileParsingDiagnostics: [...diagnostics, ...ts.getConfigFileParsingDiagnostics(parsed)],
  });
}

/**
 * The compiler host: JSDoc parsed only where it matters to type errors, as tsc itself does (the
 * scorer reads doc comments with the TSDoc parser, and parsing every comment twice cost a tenth
 * of a run); directory lookups remembered for the one build (module resolution asks about the
 * same directories for every import); `contents` in place of files on disk; TypeScript's lib files
 * already parsed and bound when the process started from a snapshot (`quality-gate warm`); source
 * files another Program of the run parsed under equal options; referenced projects' sources in
 * place of their build output.
 */
function compilerHost(
  options: ts.CompilerOptions,
  contents: ReadonlyMap<string, string> | undefined,
  references: boolean,
  shared: SharedSourceFiles | undefined,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  // TypeScript before 5.3 has no JSDoc parsing modes: it parses every comment, as it always did.
  if ((ts.JSDocParsingMode as unknown) !== undefined) {
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  }
  if (references) {
    (
      host as { useSourceOfProjectReferenceRedirect?: () => boolean }
    ).useSourceOfProjectReferenceRedirect = () => true;
  }
  rememberDirectories(host);
  if (contents !== undefined) {
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => contents.get(file) ?? readFile(file);
  }
  const libFiles = preparsedLibFiles(options);
  const key = shared === undefined ? undefined : libReuseKey(ts, options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, ...rest) => {
    const prepared = libFiles?.get(file);
    if (prepared !== undefined) return prepared;
    if (shared === undefined || key === undefined || contents?.has(file) === true) {
      return getSourceFile(file, ...rest);
    }
    const sharedKey = `${key}\0${file}\0${JSON.stringify(rest[0])}`;
    let source = shared.get(sharedKey);
    if (source === undefined) {
      source = getSourceFile(file, ...rest);
      if (source !== undefined) shared.set(sharedKey, source);
    }
    return source;
  };
  return host;
}

function rememberDirectories(host: ts.CompilerHost): void {
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
}

/**
 * Lists the source files a tsconfig names, as {@link createProgram} reads them.
 *
 * @param rootOrFile - a folder holding tsconfig.json, or a tsconfig file
 * @returns absolute paths; empty when the tsconfig cannot be read (rung 0 reports why)
 * @example
 * ```ts
 * tsconfigFileNames("/repo"); // ["/repo/src/index.ts", …]
 * ```
 */
export function tsconfigFileNames(rootOrFile: string): string[] {
  return readTsconfig(rootOrFile).parsed?.fileNames ?? [];
}

/**
 * One TypeScript project of the repository and its Program.
 *
 * @internal
 */
export interface ProjectProgram {
  /** The project. */
  readonly tsconfig: TsconfigProject;
  /** Its Program. */
  readonly program: ts.Program;
}

/**
 * Builds the Program of every project that has files of its own (a solution only names others),
 * parsing each file the projects share once.
 *
 * @param tsconfigs - the repository's projects
 * @param contents - texts to use instead of the files on disk (`--staged`)
 * @returns one Program per project with files, in the projects' order
 * @internal
 */
export function createPrograms(
  tsconfigs: readonly TsconfigProject[],
  contents?: ReadonlyMap<string, string>,
): ProjectProgram[] {
  const shared: SharedSourceFiles = new Map();
  return tsconfigs
    .filter((tsconfig) => !tsconfig.solution)
    .map((tsconfig) => ({
      tsconfig,
      program: createProgram(tsconfig.file, contents, tsconfig.reading, shared),
    }));
}

/** Per Program, the files of the projects it references (computed once). */
const referencedFiles = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * Whether a file of a Program belongs to a project it references (read from source, see
 * {@link createProgram}) rather than to the project itself: that project reports its errors and
 * owns its exports.
 *
 * @param program - the Program
 * @param fileName - a file of the Program, absolute
 * @returns `true` for a referenced project's file
 * @internal
 */
export function isReferencedSource(program: ts.Program, fileName: string): boolean {
  let files = referencedFiles.get(program);
  if (files === undefined) {
    const own = new Set(program.getRootFileNames());
    const collected = new Set<string>();
    const visit = (
      references: readonly (ts.ResolvedProjectReference | undefined)[] | undefined,
    ): void => {
      for (const reference of references ?? []) {
        if (reference === undefined) continue;
        for (const file of reference.commandLine.fileNames)
          if (!own.has(file)) collected.add(file);
        visit(reference.references);
      }
    };
    visit(program.getResolvedProjectReferences());
    files = collected;
    referencedFiles.set(program, files);
  }
  return files.has(fileName);
}
