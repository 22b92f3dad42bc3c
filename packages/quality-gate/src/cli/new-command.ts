/** `quality-gate new <template> <name> [--dir D] [--force]` and `new --list`. */
import { QualityGateError } from "../errors.js";
import { scaffold } from "../scaffold/scaffold.js";
import { listTemplates, templatesDir } from "../scaffold/templates.js";
import type { CliIo } from "./io.js";

/** The flags of `new`. */
export interface NewFlags {
  /** `--dir`: the package to write into, or the new package's folder. */
  readonly dir?: string;
  /** `--force`: replace files that exist. */
  readonly force?: boolean;
  /** `--list`: list the templates instead. */
  readonly list?: boolean;
}

/**
 * Runs `new`: lists the templates, or scaffolds one and prints what it wrote and what to run next.
 *
 * @param template - the template's name, unless `--list`
 * @param name - the name to scaffold, unless `--list`
 * @param flags - `--dir`, `--force`, `--list`
 * @param io - working directory and streams
 * @returns 0
 * @throws {@link QualityGateError} `USAGE` when the template or name is missing, and the
 *   scaffold's own refusals
 * @example
 * ```ts
 * await newCommand("cache", "UserCache", {}, io);
 * ```
 */
export async function newCommand(
  template: string | undefined,
  name: string | undefined,
  flags: NewFlags,
  io: CliIo,
): Promise<number> {
  if (flags.list === true) {
    for (const found of listTemplates(templatesDir())) {
      io.stdout.write(`${found.name.padEnd(14)} ${found.description}\n`);
      io.stdout.write(`${"".padEnd(14)} e.g. quality-gate new ${found.name} ${found.example}\n`);
    }
    return 0;
  }
  if (template === undefined || name === undefined) {
    throw new QualityGateError(
      "USAGE",
      "new needs a template and a name, such as: quality-gate new cache UserCache (see new --list).",
    );
  }
  const result = await scaffold({
    template,
    name,
    cwd: io.cwd,
    dir: flags.dir,
    force: flags.force ?? false,
  });
  io.stdout.write(`Created from the ${result.template.name} template:\n`);
  for (const file of result.created) io.stdout.write(`  ${file}\n`);
  for (const file of result.updated) io.stdout.write(`Updated ${file} to export it.\n`);
  io.stdout.write(`Next: ${result.next}\n`);
  return 0;
}
