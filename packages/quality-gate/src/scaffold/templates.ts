/**
 * The templates `quality-gate new` renders: folders under `templates/`, each with a
 * `template.json` manifest, shipped beside the package or found in the ladder workspace.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { QualityGateError } from "../errors.js";

const manifestSchema = z.strictObject({
  description: z.string().min(1),
  /** `package`: module files go into an existing package; `workspace`: a new package. */
  into: z.enum(["package", "workspace"]),
  /** The package the rendered code imports, which the destination must provide or depend on. */
  requires: z.string().optional(),
  /** A sample name, used by `--list` and the template tests. */
  example: z.string().min(1),
});

/** A template on disk: its folder, name and manifest. */
export interface Template {
  /** The folder name, which is the name `new` takes: `cache`. */
  readonly name: string;
  /** The template's folder, absolute. */
  readonly dir: string;
  /** What the template produces, one sentence. */
  readonly description: string;
  /** `package` renders into an existing package; `workspace` creates a package. */
  readonly into: "package" | "workspace";
  /** The package the rendered code imports, if any: `@ladder/cache`. */
  readonly requires: string | undefined;
  /** A sample name: `UserCache`. */
  readonly example: string;
}

/**
 * Finds the templates folder: inside the installed package, else the ladder workspace's own.
 *
 * @param from - a file URL inside the package (this module's, by default)
 * @returns the absolute path of `templates/`
 * @throws {@link QualityGateError} `UNKNOWN_TEMPLATE` when neither place has one
 * @example
 * ```ts
 * templatesDir(); // "/repo/templates"
 * ```
 */
export function templatesDir(from: string = import.meta.url): string {
  // dist/scaffold/templates.js → the package root is two folders up; the workspace root four.
  const candidates = ["../../templates", "../../../../templates"].map((path) =>
    fileURLToPath(new URL(path, from)),
  );
  const found = candidates.find((dir) => existsSync(join(dir, "module", "template.json")));
  if (found === undefined) {
    throw new QualityGateError(
      "UNKNOWN_TEMPLATE",
      `No templates folder at ${candidates.join(" or ")}; reinstall @ladder/quality-gate.`,
    );
  }
  return found;
}

/**
 * Reads every template's manifest, sorted by name.
 *
 * @param dir - the templates folder
 * @returns the templates
 * @throws {@link QualityGateError} `CONFIG_INVALID` when a manifest is malformed
 * @example
 * ```ts
 * listTemplates(templatesDir()).map((template) => template.name); // ["cache", "module", …]
 * ```
 */
export function listTemplates(dir: string): Template[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "template.json")))
    .map((entry) => readTemplate(join(dir, entry.name), entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Finds one template by name.
 *
 * @param dir - the templates folder
 * @param name - the template's name
 * @returns the template
 * @throws {@link QualityGateError} `UNKNOWN_TEMPLATE` naming the templates there are
 * @example
 * ```ts
 * templateNamed(templatesDir(), "cache").requires; // "@ladder/cache"
 * ```
 */
export function templateNamed(dir: string, name: string): Template {
  const templates = listTemplates(dir);
  const template = templates.find((candidate) => candidate.name === name);
  if (template === undefined) {
    const names = templates.map((candidate) => candidate.name).join(", ");
    throw new QualityGateError(
      "UNKNOWN_TEMPLATE",
      `There is no template ${JSON.stringify(name)}; choose one of: ${names}.`,
    );
  }
  return template;
}

function readTemplate(dir: string, name: string): Template {
  const parsed = manifestSchema.safeParse(
    JSON.parse(readFileSync(join(dir, "template.json"), "utf8")),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QualityGateError(
      "CONFIG_INVALID",
      `${join(dir, "template.json")}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
    );
  }
  const { description, into, requires, example } = parsed.data;
  return { name, dir, description, into, requires, example };
}
