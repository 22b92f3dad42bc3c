/**
 * Renders a template's files for one name: placeholders replaced in paths and contents, and a
 * leading `_` dropped from file names (`_tsconfig.json`, `_package.json`), which keeps a
 * template's own configs from configuring the tools that run inside the templates folder, and a
 * template's manifest from passing for a nested package inside the published tarball. A file with `.standalone`
 * before its extension (`_tsconfig.standalone.json`) replaces its namesake where there is no base
 * tsconfig to extend (a package created outside a workspace), and is left out everywhere else.
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
  /**
   * The `package` template's base tsconfig, relative to the new package; `undefined` when the
   * repository has none, and then `.standalone` variants of files are rendered instead.
   */
  readonly baseTsconfig?: string | undefined;
  /** Replaces the template's `requires` import specifier, for a package importing itself. */
  readonly requiresImport?: string;
}

/**
 * Renders every file of a template (all but `template.json`).
 *
 * @param template - the template
 * @param names - the name in every spelling
 * @param values - package name, base tsconfig and the self-import, where they apply
 * @returns the files, sorted by path: each `.standalone` variant instead of its namesake when
 *   `values.baseTsconfig` is unset, else without the variants
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
    ["TEMPLATE_NAME", names.constant],
    ["TemplateName", names.pascal],
    ["templateName", names.camel],
    ["template-name", names.kebab],
  ];
  if (values.baseTsconfig !== undefined) {
    replacements.unshift(["template-base-tsconfig", values.baseTsconfig]);
  }
  if (template.requires !== undefined && values.requiresImport !== undefined) {
    replacements.unshift([`"${template.requires}"`, `"${values.requiresImport}"`]);
  }
  const fill = (text: string): string =>
    replacements.reduce((result, [from, to]) => result.replaceAll(from, to), text);
  return chooseVariants(filesUnder(template.dir), values.baseTsconfig === undefined)
    .map((path) => ({
      path: fill(path.replace(STANDALONE, "").replace(/(^|\/)_(?=[^/]+$)/, "$1")),
      content: fill(readFileSync(join(template.dir, path), "utf8")),
      source: path,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

// `.standalone` right before the file's extension: `_tsconfig.standalone.json`.
const STANDALONE = /\.standalone(?=\.[^./]+$)/;

/** The files to render: the manifest left out, and each standalone variant or its namesake. */
function chooseVariants(paths: readonly string[], standalone: boolean): string[] {
  const variants = new Set(paths.filter((path) => STANDALONE.test(path)));
  return paths.filter((path) => {
    if (path === "template.json") return false;
    if (variants.has(path)) return standalone;
    const variant = path.replace(/(\.[^./]+)$/, ".standalone$1");
    return !(standalone && variants.has(variant));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}
