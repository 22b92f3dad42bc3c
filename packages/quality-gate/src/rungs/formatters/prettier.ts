/**
 * Prettier: the repository's own copy (v2 or v3, through its Node API, in process), with its
 * config and ignore files, on the repository's own scope; or the gate's bundled Prettier, on the
 * source files, where the repository has no formatter at all. Each file's answer (the first line
 * that differs, or formatted) is kept in the incremental cache for the same text, options and
 * Prettier version.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cacheKey, openResultCache } from "../../cache/result-cache.js";
import type { ResultCache } from "../../cache/result-cache.js";
import type { Finding } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { expandPaths } from "../../tools/expand-paths.js";
import { majorMinor } from "../../tools/installed-package.js";
import type { ScriptCommand } from "../../tools/script-commands.js";
import { toolScope } from "../../tools/tool-scope.js";
import { relativePath } from "../relative-path.js";
import { fileFailure, notInstalled } from "../tool-failure.js";
import type { ToolAdapter, ToolPlan } from "../tool-adapter.js";

const require = createRequire(import.meta.url);

/** What rung 1 and `quality-gate fix` use of Prettier's API, in v2 (sync) and v3 (async) alike. */
export interface PrettierApi {
  readonly version: string;
  check(text: string, options: object): boolean | Promise<boolean>;
  format(text: string, options: object): string | Promise<string>;
  resolveConfig(file: string): unknown;
  getFileInfo(file: string, options: object): unknown;
  getSupportInfo(): unknown;
}

const CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.json5",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.toml",
  ".prettierrc.js",
  ".prettierrc.cjs",
  ".prettierrc.mjs",
  ".prettierrc.ts",
  ".prettierrc.mts",
  ".prettierrc.cts",
  "prettier.config.js",
  "prettier.config.cjs",
  "prettier.config.mjs",
  "prettier.config.ts",
  "prettier.config.mts",
  "prettier.config.cts",
];

/** Prettier's options that take a value, so the value is not read as a path. */
const VALUED = [
  "--config",
  "--ignore-path",
  "--plugin",
  "--parser",
  "--config-precedence",
  "--cache-location",
  "--cache-strategy",
  "--log-level",
  "--loglevel",
  "--end-of-line",
  "--trailing-comma",
  "--print-width",
  "--tab-width",
  "--arrow-parens",
  "--prose-wrap",
  "--quote-props",
  "--stdin-filepath",
];

/** A check (`--check`, `-c`, `--list-different`) says the scope best; a write (`--write`) next. */
function rank(command: ScriptCommand): number | undefined {
  if (command.args.some((arg) => ["--check", "-c", "--list-different", "-l"].includes(arg)))
    return 2;
  return command.args.some((arg) => ["--write", "-w"].includes(arg)) ? 1 : undefined;
}

/** Rung 1's Prettier. */
export const prettierFormatter: ToolAdapter = {
  name: "prettier",
  plan(tools) {
    const scope = toolScope(tools, { programs: ["prettier"], valued: VALUED, rank });
    const configured =
      tools.file(...CONFIG_FILES) !== undefined || tools.manifestKeys.has("prettier");
    if (!configured && !tools.declares("prettier") && scope.command === undefined)
      return undefined;
    const installed = tools.installed("prettier");
    return {
      tool: {
        name: "prettier",
        source: "repository",
        ...(installed && { version: installed.version }),
      },
      installed,
      paths: scope.paths,
      args: scope.args,
      scripted: scope.command !== undefined,
    };
  },
  async run(context, plan) {
    if (plan.installed === undefined && plan.tool.source === "repository") {
      return notInstalled(1, plan.tool);
    }
    const prettier = await loadPrettier(plan);
    const tool = { ...plan.tool, version: prettier.version };
    const files = await filesToCheck(context, plan, prettier);
    const cache = openResultCache<number | null>(context.cacheDir, "prettier");
    const findings: Finding[] = [];
    for (const file of files) {
      const finding = await checkFile(prettier, file, { root: context.root, cache });
      if (finding !== undefined) findings.push(finding);
    }
    cache.save();
    return { status: findings.length === 0 ? "passed" : "failed", findings, tool };
  },
};

/**
 * The gate's own Prettier on the repository's source files: rung 1 where the repository has no
 * formatter.
 *
 * @param sourceFiles - the repository's source files, absolute
 * @returns the plan
 * @example
 * ```ts
 * await prettierFormatter.run(context, bundledPrettierPlan(files));
 * ```
 */
export function bundledPrettierPlan(sourceFiles: readonly string[]): ToolPlan {
  const { version } = require("prettier/package.json") as { version: string };
  return {
    tool: {
      name: "prettier",
      version,
      source: "bundled",
      note: "the repository has no formatter of its own",
    },
    installed: undefined,
    paths: sourceFiles,
    args: [],
    scripted: false,
  };
}

/**
 * Loads the plan's Prettier: the repository's installation, or the gate's own.
 *
 * @param plan - from {@link prettierFormatter}'s `plan`, or {@link bundledPrettierPlan}
 * @returns its Node API
 * @example
 * ```ts
 * const prettier = await loadPrettier(plan);
 * ```
 */
export async function loadPrettier(plan: ToolPlan): Promise<PrettierApi> {
  const entry =
    plan.installed === undefined
      ? require.resolve("prettier")
      : createRequire(join(plan.installed.dir, "package.json")).resolve("prettier");
  const loaded = (await import(pathToFileURL(entry).href)) as {
    default?: PrettierApi;
  } & PrettierApi;
  return loaded.default ?? loaded;
}

/** The scope's files that Prettier formats and does not ignore. */
async function filesToCheck(
  context: RungContext,
  plan: ToolPlan,
  prettier: PrettierApi,
): Promise<string[]> {
  const support = (await prettier.getSupportInfo()) as {
    languages: readonly { extensions?: readonly string[]; filenames?: readonly string[] }[];
  };
  const extensions = support.languages.flatMap((language) => [
    ...(language.extensions ?? []),
    ...(language.filenames ?? []).map((name) => `/${name}`),
  ]);
  // Prettier 3 honours .gitignore and .prettierignore; Prettier 2 only .prettierignore.
  const ignoreFiles = [".gitignore", ".prettierignore"].map((name) => join(context.root, name));
  const ignorePath = majorMinor(prettier.version)[0] >= 3 ? ignoreFiles : ignoreFiles[1];
  const files: string[] = [];
  for (const file of expandPaths(context.root, plan.paths, extensions)) {
    if (context.onlyFiles?.has(file) === false) continue;
    const info = (await prettier.getFileInfo(file, { ignorePath })) as {
      ignored: boolean;
      inferredParser: string | null;
    };
    if (!info.ignored && info.inferredParser !== null) files.push(file);
  }
  return files;
}

async function checkFile(
  prettier: PrettierApi,
  file: string,
  where: { root: string; cache: ResultCache<number | null> },
): Promise<Finding | undefined> {
  const rel = relativePath(where.root, file);
  try {
    const options = {
      ...(((await prettier.resolveConfig(file)) as object | null) ?? {}),
      filepath: file,
    };
    const text = await readFile(file, "utf8");
    const key = cacheKey(prettier.version, JSON.stringify(options), text);
    let line = where.cache.get(file, key);
    if (line === undefined) {
      line = (await prettier.check(text, options))
        ? null
        : firstDifference(text, await prettier.format(text, options));
      where.cache.set(file, key, line);
    }
    if (line === null) return undefined;
    return {
      ruleId: "prettier/format",
      rung: 1,
      file: rel,
      line,
      column: 1,
      symbol: null,
      message: `Not Prettier-formatted from line ${String(line)}. Run prettier --write on this file.`,
    };
  } catch (error) {
    // A file gone since it was listed is not in the repository to format: rung 3 runs the
    // repository's builds beside this rung, and tshy writes and removes src/package.json.
    if (isMissingFile(error)) return undefined;
    // A file Prettier cannot parse is that file's finding; the other files are still checked.
    return fileFailure(1, "prettier", rel, error);
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "ENOENT";
}

function firstDifference(actual: string, expected: string): number {
  const a = actual.split("\n");
  const b = expected.split("\n");
  const index = a.findIndex((line, i) => line !== b[i]);
  return index < 0 ? Math.min(a.length, b.length) : index + 1;
}
