/**
 * Renders a template's files for one name: placeholders replaced in paths and contents, and a
 * leading `_` dropped from file names (`_tsconfig.json`), which keeps a template's own configs
 * from configuring the tools that run inside the templates folder.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { DerivedNames } from "./names.js";
import type { Template } from "./templates.js";

/** A file to write: its path relative to the destination, and its text. */
export interface RenderedFile {
  /** Relative to the destination folder, with `/` separators: `src/user-cache.ts`. */
  readonly path: string;
  /** The rendered text. */
  readonly content: string;
  /** The template file it was rendered from, relative to the template's folder. */
  readonly source: string;
}

/** Values for the placeholders that are not spellings of the name. */
export interface RenderValues {
  /** The `package` template's package name: `@ladder/billing-rules`. */
  readonly packageName?: string;
  /** The `package` template's base tsconfig, relative to the new package. */
  readonly baseTsconfig?: string;
  /** Replaces the template's `requires` import specifier, for a package importing itself. */
  readonly requiresImport?: string;
}

/**
 * Renders every file of a template (all but `template.json`).
 *
 * @param template - the template
 * @param names - the name in every spelling
 * @param values - package name, base tsconfig and the self-import, where they apply
 * @returns the files, sorted by path
 * @example
 * ```ts
 * renderTemplate(templateNamed(dir, "module"), deriveNames("OrderTotals"), {});
 * // [{ path: "src/order-totals.ts", content: "…", source: "src/template-name.ts" }, …]
 * ```
 */
export function renderTemplate(
  template: Template,
  names: DerivedNames,
  values: RenderValues,
): RenderedFile[] {
  const replacements: (readonly [string, string])[] = [
    ["template-package-name", values.packageName ?? names.kebab],
    ["template-base-tsconfig", values.baseTsconfig ?? "../../tsconfig.json"],
    ["TEMPLATE_NAME", names.constant],
    ["TemplateName", names.pascal],
    ["templateName", names.camel],
    ["template-name", names.kebab],
  ];
  if (template.requires !== undefined && values.requiresImport !== undefined) {
    replacements.unshift([`"${template.requires}"`, `"${values.requiresImport}"`]);
  }
  const fill = (text: string): string =>
    replacements.reduce((result, [from, to]) => result.replaceAll(from, to), text);
  return filesUnder(template.dir)
    .filter((path) => path !== "template.json")
    .map((path) => ({
      path: fill(path.replace(/(^|\/)_(?=[^/]+$)/, "$1")),
      content: fill(readFileSync(join(template.dir, path), "utf8")),
      source: path,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}
