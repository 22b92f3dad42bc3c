/**
 * The ts-morph Project `quality-gate fix` writes through: one per tsconfig, with
 * `isolatedDeclarations` switched on so TypeScript's own "add annotation" quick fixes apply to
 * exactly the declarations whose types a `.d.ts` cannot infer.
 *
 * ts-morph never sets a source file's implied module format (ts-morph#1446, #1667: its document
 * registry creates source files without it), so under `module: nodenext` it reads ESM files as
 * CommonJS, and the import fix would write specifiers without the `.js` an ESM file needs.
 * {@link refreshModuleFormats} sets the format TypeScript itself would (from the extension and
 * the nearest `package.json` `type`) on every file that lacks it; ts-morph replaces a file's node
 * on each edit, so it runs before each question to the language service.
 */
import { Project, ts } from "ts-morph";

/**
 * Opens a tsconfig's project for writing fixes.
 *
 * @param tsconfig - the tsconfig file, absolute
 * @returns the project, its files read from disk
 * @example
 * ```ts
 * const project = createFixProject("/repo/tsconfig.json");
 * ```
 */
export function createFixProject(tsconfig: string): Project {
  return new Project({
    tsConfigFilePath: tsconfig,
    compilerOptions: { isolatedDeclarations: true, declaration: true, noEmit: true },
  });
}

/** Each project's package.json cache, so a refresh reads every package.json once. */
const packageJsonCaches = new WeakMap<Project, ts.PackageJsonInfoCache>();

/**
 * Sets the implied module format of every source file of the project that has none.
 *
 * @param project - the project, before a question to its language service
 * @example
 * ```ts
 * refreshModuleFormats(project);
 * project.getLanguageService().compilerObject.getSemanticDiagnostics(file);
 * ```
 */
export function refreshModuleFormats(project: Project): void {
  const options = project.getCompilerOptions();
  let cache = packageJsonCaches.get(project);
  if (cache === undefined) {
    const cwd = project.getFileSystem().getCurrentDirectory();
    cache = ts
      .createModuleResolutionCache(cwd, (name) => name, options)
      .getPackageJsonInfoCache();
    packageJsonCaches.set(project, cache);
  }
  for (const file of project.getSourceFiles()) {
    const node = file.compilerNode as { impliedNodeFormat?: ts.ResolutionMode };
    node.impliedNodeFormat ??= ts.getImpliedNodeFormatForFile(
      file.getFilePath(),
      cache,
      ts.sys,
      options,
    );
  }
}
