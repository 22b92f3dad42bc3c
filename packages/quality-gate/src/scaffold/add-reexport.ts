/**
 * How `new` makes a module part of its package's public API: `src/index.ts` re-exports the
 * module's exports by name (`export { A, b } from "./a.js"`, and `export type { T } …` for its
 * types), placed where the index's re-exports stay in order of their module, every existing line
 * and comment kept. Read and edited with ts-morph, in memory.
 */
import { Node, Project } from "ts-morph";
import type { ExportDeclaration, SourceFile } from "ts-morph";

/**
 * Adds the re-export of a module to an index.
 *
 * @param index - the index's text
 * @param module - the module's text
 * @param specifier - how the index imports the module, such as `./order-totals.js`
 * @returns the new index text; `undefined` when the index exports from the module already, or
 *   the module exports nothing
 * @example
 * ```ts
 * addReexport('export { b } from "./b.js";\n', "export const a = 1;\n", "./a.js");
 * // 'export { a } from "./a.js";\nexport { b } from "./b.js";\n'
 * ```
 */
export function addReexport(
  index: string,
  module: string,
  specifier: string,
): string | undefined {
  const project = new Project({ useInMemoryFileSystem: true });
  const indexFile = project.createSourceFile("/src/index.ts", index);
  const lines = reexportLines(project.createSourceFile("/src/module.ts", module), specifier);
  const reexports = indexFile
    .getExportDeclarations()
    .filter((declaration) => declaration.getModuleSpecifierValue() !== undefined);
  if (lines.length === 0 || reexports.some((found) => moduleOf(found) === specifier)) {
    return undefined;
  }
  const next = reexports.find((found) => moduleOf(found) > specifier);
  const last = reexports.at(-1);
  if (next !== undefined) {
    indexFile.insertText(
      aboveLineComments(indexFile.getFullText(), next.getStart()),
      `${lines}\n`,
    );
  } else if (last !== undefined) {
    indexFile.insertText(last.getEnd(), `\n${lines}`);
  } else {
    const text = indexFile.getFullText();
    const separator = text === "" || text.endsWith("\n") ? "" : "\n";
    indexFile.insertText(text.length, `${separator}${lines}\n`);
  }
  return indexFile.getFullText();
}

/**
 * Where a line goes to sit above a statement and the `//` comments right above it (they are
 * about it), but below a block comment such as the file's `@packageDocumentation`.
 */
function aboveLineComments(text: string, start: number): number {
  let at = text.lastIndexOf("\n", start - 1) + 1;
  while (at > 0) {
    const previous = text.lastIndexOf("\n", at - 2) + 1;
    if (!text.slice(previous, at).trimStart().startsWith("//")) break;
    at = previous;
  }
  return at;
}

function moduleOf(declaration: ExportDeclaration): string {
  return declaration.getModuleSpecifierValue() ?? "";
}

/** The re-export statements of a module's named exports: values, then types; names sorted. */
function reexportLines(module: SourceFile, specifier: string): string {
  const values: string[] = [];
  const types: string[] = [];
  for (const [name, declarations] of module.getExportedDeclarations()) {
    if (name === "default") continue;
    const typeOnly = declarations.every(
      (node) => Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node),
    );
    (typeOnly ? types : values).push(name);
  }
  const statement = (keyword: string, names: string[]): string[] =>
    names.length === 0
      ? []
      : [`${keyword} { ${names.sort().join(", ")} } from ${JSON.stringify(specifier)};`];
  return [...statement("export", values), ...statement("export type", types)].join("\n");
}
