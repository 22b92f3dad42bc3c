/**
 * `quality-gate new`: renders a template for a name into the right place, formatted with the
 * repository's own Prettier settings, and writes it all or nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { findEntryPoints } from "../project/entry-points.js";
import { readOutputLayouts } from "../project/output-layouts.js";
import { readManifest } from "../project/package-manifest.js";
import { addReexport } from "./add-reexport.js";
import { assertNameFits } from "./assert-name-fits.js";
import { resolveDestination } from "./destination.js";
import { deriveNames } from "./names.js";
import { detectPackageManager, execCommand } from "./package-manager.js";
import { readPackageJson } from "./read-package-json.js";
import { renderTemplate } from "./render-template.js";
import { templateNamed, templatesDir } from "./templates.js";
import type { Template } from "./templates.js";
import { writeAllOrNothing } from "./write-files.js";
import type { PlannedFile } from "./write-files.js";
import { readPackage } from "./workspace.js";
import { repositoryRoot } from "./workspace.js";

/** What to scaffold, and where from. */
export interface ScaffoldRequest {
  /** The template's name: `cache`. */
  readonly template: string;
  /** The name in any spelling: `UserCache`. */
  readonly name: string;
  /** The folder `new` runs in. */
  readonly cwd: string;
  /** `--dir`, when given. */
  readonly dir?: string | undefined;
  /** Replace files that exist. */
  readonly force?: boolean;
  /** The templates folder; the shipped one by default. */
  readonly templates?: string;
}

/** What `new` did. */
export interface ScaffoldResult {
  /** The template rendered. */
  readonly template: Template;
  /** Files created, relative to the repository root. */
  readonly created: readonly string[];
  /** Files changed on purpose (the package's `src/index.ts` gaining an export). */
  readonly updated: readonly string[];
  /** The command to run next. */
  readonly next: string;
}

/**
 * Scaffolds a template.
 *
 * @param request - template, name, working directory and flags
 * @returns the files written and the command to run next
 * @throws {@link QualityGateError} `BAD_NAME`, `UNKNOWN_TEMPLATE`, `UNSAFE_PATH`, `NO_PACKAGE`,
 *   `BAD_PACKAGE_JSON` or `FILE_EXISTS`, each before anything is written; `FILE_UNWRITABLE` when
 *   the file system refuses a write, after undoing the others
 * @example
 * ```ts
 * const { created } = await scaffold({ template: "cache", name: "UserCache", cwd: process.cwd() });
 * ```
 */
export async function scaffold(request: ScaffoldRequest): Promise<ScaffoldResult> {
  const names = deriveNames(request.name);
  const template = templateNamed(request.templates ?? templatesDir(), request.template);
  const root = repositoryRoot(request.cwd);
  const destination = resolveDestination(template, names, {
    root,
    cwd: request.cwd,
    dir: request.dir,
  });
  const rendered = renderTemplate(template, names, destination.values);
  assertNameFits({
    template,
    name: request.name,
    files: rendered,
    dir: destination.dir,
    entryFiles: template.into === "package" ? entryFiles(destination.dir) : [],
  });
  const planned: PlannedFile[] = rendered.map((file) => ({
    path: join(destination.dir, file.path),
    content: file.content,
    action: "create",
  }));
  const barrel = barrelUpdate(template, destination.dir, names.kebab, planned);
  if (barrel !== undefined) planned.push(barrel);
  const formatted = await Promise.all(planned.map(formatFile));
  writeAllOrNothing(root, formatted, request.force ?? false);
  const rel = (path: string): string => relative(root, path).split(sep).join("/");
  return {
    template,
    created: formatted.filter((file) => file.action === "create").map((file) => rel(file.path)),
    updated: formatted.filter((file) => file.action === "update").map((file) => rel(file.path)),
    next: nextCommand(root, template),
  };
}

/** The files a package's public API starts from: its `exports`, and `src/index.ts`, which `new` extends. */
function entryFiles(dir: string): string[] {
  const manifest = readManifest(dir);
  const declared =
    manifest === undefined
      ? []
      : findEntryPoints(dir, manifest, readOutputLayouts([dir])).entryFiles;
  return [join(dir, "src", "index.ts"), ...declared];
}

/** A module joins its package's public surface: `src/index.ts` re-exports it by name. */
function barrelUpdate(
  template: Template,
  dir: string,
  kebab: string,
  planned: readonly PlannedFile[],
): PlannedFile | undefined {
  const index = join(dir, "src", "index.ts");
  const module = planned.find((file) => file.path === join(dir, "src", `${kebab}.ts`));
  if (template.into !== "package" || module === undefined || !existsSync(index)) return undefined;
  const content = addReexport(readFileSync(index, "utf8"), module.content, `./${kebab}.js`);
  return content === undefined ? undefined : { path: index, content, action: "update" };
}

async function formatFile(file: PlannedFile): Promise<PlannedFile> {
  const prettier = await import("prettier");
  const info = await prettier.getFileInfo(file.path);
  if (info.inferredParser === null) return file;
  const options = (await prettier.resolveConfig(file.path)) ?? {};
  const content = await prettier.format(file.content, { ...options, filepath: file.path });
  return { ...file, content };
}

function nextCommand(root: string, template: Template): string {
  const manager = detectPackageManager(root);
  const scripts = readPackage(root) === undefined ? {} : packageScripts(root);
  const check =
    "precommit" in scripts
      ? `${manager} run precommit`
      : execCommand(manager, "quality-gate check");
  // A new workspace package must be in the lockfile before a frozen install accepts it.
  return template.into === "workspace" ? `${manager} install && ${check}` : check;
}

function packageScripts(root: string): Record<string, unknown> {
  const { scripts } = readPackageJson(join(root, "package.json")).json;
  return typeof scripts === "object" && scripts !== null
    ? (scripts as Record<string, unknown>)
    : {};
}
