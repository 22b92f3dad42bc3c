/**
 * Walks a package's entry files to its public surface: every exported name, following `export *`,
 * `export { a as b }`, `export * as ns`, import-then-export and `export default`, each declaration
 * reached once under the first public name it is reachable by.
 */
import { Node } from "ts-morph";
import type { SourceFile } from "ts-morph";

/** One exported name and the declarations behind it (several when declarations merge). */
export interface PublicExport {
  /** The public name: the export name, `default`, or `ns.name` inside `export * as ns`. */
  readonly name: string;
  /** The declarations behind the name, in source order. */
  readonly declarations: readonly Node[];
}

/**
 * Lists the public exports reachable from some entry files.
 *
 * @param entryFiles - the package's entry source files, in `exports` order
 * @param seen - declarations already scored under another name (shared across a workspace so a
 *   symbol re-exported by a second package is scored once); updated in place
 * @returns the exports in discovery order
 * @example
 * ```ts
 * collectPublicExports([project.getSourceFileOrThrow("src/index.ts")], new Set()).map((e) => e.name);
 * ```
 */
export function collectPublicExports(
  entryFiles: readonly SourceFile[],
  seen: Set<Node>,
): PublicExport[] {
  const state: WalkState = { seen, modules: new Set(), exports: [] };
  for (const file of entryFiles) walk(file, "", state);
  return state.exports;
}

interface WalkState {
  /** Declarations already given a public name. */
  readonly seen: Set<Node>;
  /** Modules already walked under some prefix: guards circular `export *`. */
  readonly modules: Set<SourceFile>;
  /** The result, in discovery order. */
  readonly exports: PublicExport[];
}

function walk(module: SourceFile, prefix: string, state: WalkState): void {
  if (state.modules.has(module)) return;
  state.modules.add(module);
  for (const [name, declarations] of module.getExportedDeclarations()) {
    const fresh = declarations.filter((declaration) => !state.seen.has(declaration));
    for (const declaration of fresh) state.seen.add(declaration);
    for (const namespace of fresh.filter(Node.isSourceFile)) {
      walk(namespace, `${prefix}${name}.`, state);
    }
    const rest = fresh.filter((declaration) => !Node.isSourceFile(declaration));
    if (rest.length > 0) state.exports.push({ name: `${prefix}${name}`, declarations: rest });
  }
}
