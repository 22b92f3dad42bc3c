/**
 * Refuses a name that is well formed but would make the scaffold wrong: a module written over
 * the package's entry file (`new module index --force` replaced `src/index.ts` with a module
 * that re-exported itself, and a test that did not compile), or a spelling that clashes with a
 * name the template's code already uses (`new cache TtlCache` declared a class with the name of
 * its own import; `Map` or `Disposable` would shadow the global the code relies on).
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { QualityGateError } from "../errors.js";
import ts from "../typescript.cjs";
import type { RenderedFile } from "./render-template.js";
import type { Template } from "./templates.js";

/** What a name is checked against. */
export interface NameFit {
  /** The template rendered. */
  readonly template: Template;
  /** The name as the user typed it, for the message. */
  readonly name: string;
  /** The rendered files. */
  readonly files: readonly RenderedFile[];
  /** The folder the files go into, absolute. */
  readonly dir: string;
  /** The entry files of the package a module joins, absolute; empty for a new package. */
  readonly entryFiles: readonly string[];
}

/**
 * Checks that a rendered scaffold neither replaces an entry file nor reuses a name its template
 * already has.
 *
 * @param fit - the template, the name, the rendered files and where they go
 * @throws {@link QualityGateError} `BAD_NAME` naming the rule the name breaks
 * @example
 * ```ts
 * assertNameFits({ template, name: "index", files, dir: "/repo", entryFiles: ["/repo/src/index.ts"] });
 * // throws: "index" would write src/index.ts, the package's entry file; …
 * ```
 */
export function assertNameFits(fit: NameFit): void {
  const entries = new Set(fit.entryFiles);
  for (const file of fit.files) {
    const path = join(fit.dir, file.path);
    if (entries.has(path)) {
      refuse(
        fit.name,
        `would write ${relative(fit.dir, path).split(sep).join("/")}, the package's entry file, which exports its modules`,
      );
    }
    const clash = clashingIdentifier(join(fit.template.dir, file.source), file);
    if (clash !== undefined) {
      refuse(
        fit.name,
        `would declare ${clash}, which the ${fit.template.name} template's ${file.source} already uses for something else`,
      );
    }
  }
}

function refuse(name: string, rule: string): never {
  throw new QualityGateError("BAD_NAME", `${JSON.stringify(name)} ${rule}; choose another name.`);
}

/**
 * An identifier that occurs more often in the rendered file than in its template: one of the
 * template's own names (`TtlCache`, `Map`) that a placeholder turned into a second meaning.
 */
function clashingIdentifier(templateFile: string, rendered: RenderedFile): string | undefined {
  if (!/\.[cm]?tsx?$/.test(rendered.source)) return undefined;
  const own = countIdentifiers(templateFile, readFileSync(templateFile, "utf8"));
  const after = countIdentifiers(rendered.path, rendered.content);
  return [...own].find(([identifier, count]) => (after.get(identifier) ?? 0) > count)?.[0];
}

function countIdentifiers(fileName: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return counts;
}
