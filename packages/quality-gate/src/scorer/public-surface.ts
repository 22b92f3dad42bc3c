/**
 * Walks a package's entry files to its public surface: every exported name, following `export *`,
 * `export { a as b }`, `export * as ns`, import-then-export and `export default`, each declaration
 * reached once under the first public name it is reachable by. A module augmentation
 * (`declare module "./index.js" { … }`) merges into the module it names, but it is part of the
 * surface only in an entry file: one in a test (or any other file the tsconfig happens to include)
 * patches types for its own use, and consumers never see it.
 *
 * This runs on the compiler's own nodes and checker, in the one Program rung 0 checks (see
 * `create-program.ts` for why not a ts-morph Project): wrapping every declaration of a large
 * repository in ts-morph nodes would cost more than the whole walk.
 */
import ts from "../typescript.cjs";

/** One exported name and the declarations behind it (several when declarations merge). */
export interface PublicExport {
  /** The public name: the export name, `default`, or `ns.name` inside `export * as ns`. */
  readonly name: string;
  /** The declarations behind the name, in source order (for `export default 42`, the assignment). */
  readonly declarations: readonly ts.Node[];
  /** The `exports` subpath of the entry file it was reached from: `"."`, `"./sub"`. */
  readonly entry: string;
}

interface WalkState {
  readonly checker: ts.TypeChecker;
  /** Whether a declaration belongs to the surface (not in another file's module augmentation). */
  readonly inSurface: (declaration: ts.Node) => boolean;
  /** Declarations already given a public name. */
  readonly seen: Set<ts.Node>;
  /** Module and namespace symbols already walked: guards circular `export *`. */
  readonly walked: Set<ts.Symbol>;
  /** The subpath of the entry file being walked. */
  entry: string;
  /** The result, in discovery order. */
  readonly exports: PublicExport[];
}

/**
 * Lists the public exports reachable from some entry files.
 *
 * @param entryFiles - the package's entry source files, in `exports` order
 * @param checker - the Program's type checker
 * @param seen - declarations already scored under another name (shared across a workspace so a
 *   symbol re-exported by a second package is scored once); updated in place
 * @param subpaths - the `exports` subpath of each entry file that is not `"."`: a declaration
 *   reached from two entries is scored once, under the first, and carries its subpath
 * @returns the exports in discovery order
 * @example
 * ```ts
 * collectPublicExports([program.getSourceFile("src/index.ts")!], checker, new Set());
 * ```
 */
export function collectPublicExports(
  entryFiles: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
  seen: Set<ts.Node>,
  subpaths: ReadonlyMap<ts.SourceFile, string> = new Map(),
): PublicExport[] {
  const inSurface = surfaceFilter(entryFiles);
  const state: WalkState = {
    checker,
    inSurface,
    seen,
    walked: new Set(),
    exports: [],
    entry: ".",
  };
  for (const file of entryFiles) {
    const module = checker.getSymbolAtLocation(file);
    state.entry = subpaths.get(file) ?? ".";
    if (module !== undefined) walk(module, "", state);
  }
  return state.exports;
}

/**
 * Lists the exports of a module or namespace symbol with their resolved declarations.
 *
 * @param container - a module's or namespace's symbol
 * @param checker - the Program's type checker
 * @param inSurface - which declarations to keep (see {@link surfaceFilter}); all by default
 * @returns each export name with the declarations it resolves to, through any aliases; a name
 *   left without declarations is left out
 * @example
 * ```ts
 * exportedDeclarations(checker.getSymbolAtLocation(file)!, checker).get("default");
 * ```
 */
export function exportedDeclarations(
  container: ts.Symbol,
  checker: ts.TypeChecker,
  inSurface: (declaration: ts.Node) => boolean = () => true,
): Map<string, ts.Node[]> {
  const result = new Map<string, ts.Node[]>();
  for (const symbol of checker.getExportsOfModule(container)) {
    const target =
      (symbol.flags & ts.SymbolFlags.Alias) === 0 ? symbol : checker.getAliasedSymbol(symbol);
    const declarations = (target.declarations ?? []).filter(inSurface);
    if (declarations.length > 0) result.set(symbol.name, declarations);
  }
  return result;
}

/**
 * Tells which declarations belong to a package's surface: all but those inside a module
 * augmentation (`declare module "…" { … }` in a module file) of a file that is not an entry.
 *
 * @param entryFiles - the package's entry files
 * @returns the test, for {@link exportedDeclarations}
 * @example
 * ```ts
 * exportedDeclarations(symbol, checker, surfaceFilter(entryFiles));
 * ```
 */
export function surfaceFilter(
  entryFiles: readonly ts.SourceFile[],
): (declaration: ts.Node) => boolean {
  const entries = new Set(entryFiles);
  return (declaration) => {
    const augmentation = enclosingAugmentation(declaration);
    return augmentation === undefined || entries.has(augmentation.getSourceFile());
  };
}

/** The `declare module "…"` block a declaration sits in, when it augments another module. */
function enclosingAugmentation(declaration: ts.Node): ts.ModuleDeclaration | undefined {
  for (let node = declaration.parent as ts.Node | undefined; node; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      // In a script file, `declare module "x"` declares an ambient module, not an augmentation.
      return ts.isExternalModule(node.getSourceFile()) ? node : undefined;
    }
  }
  return undefined;
}

function walk(container: ts.Symbol, prefix: string, state: WalkState): void {
  if (state.walked.has(container)) return;
  state.walked.add(container);
  for (const [name, declarations] of exportedDeclarations(
    container,
    state.checker,
    state.inSurface,
  )) {
    const fresh = declarations.filter((declaration) => !state.seen.has(declaration));
    for (const declaration of fresh) state.seen.add(declaration);
    for (const namespace of fresh.filter(ts.isSourceFile)) {
      const symbol = state.checker.getSymbolAtLocation(namespace);
      if (symbol !== undefined) walk(symbol, `${prefix}${name}.`, state);
    }
    const rest = fresh.filter((declaration) => !ts.isSourceFile(declaration));
    if (rest.length > 0) {
      state.exports.push({ name: `${prefix}${name}`, declarations: rest, entry: state.entry });
    }
  }
}
