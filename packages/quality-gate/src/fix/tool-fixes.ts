/**
 * The repository's own fixers for rungs 1 and 2, as rungs 1 and 2 choose its tools: Prettier's
 * `format` (the repository's copy and config, or the gate's where it has no formatter) and
 * ESLint's `fix: true` (the repository's copy and config, or the gate's defaults where it has no
 * linter), each through the tool's Node API, text in and text out. Biome, oxfmt, oxlint and xo
 * have no fixing API the gate uses: their findings are left, with the command that fixes them.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundledPrettierPlan, loadPrettier } from "../rungs/formatters/prettier.js";
import { FORMATTERS } from "../rungs/formatted.js";
import { LINTERS } from "../rungs/linted.js";
import { lintScript } from "../rungs/linters/lint-script.js";
import { chooseAdapter } from "../rungs/tool-adapter.js";
import type { ToolPlan } from "../rungs/tool-adapter.js";
import type { RepositoryTools } from "../tools/repository-tools.js";

/** What ESLint's fix made of a file: the fixed text, and the rules still reported in it. */
export interface LintFix {
  /** The text with every automatic fix applied. */
  readonly output: string;
  /** The rules ESLint still reports, as findings name them (`eslint/no-unused-vars`). */
  readonly remaining: ReadonlySet<string>;
}

/** Runs a linter's fixes over a file's text. */
export type LintFixer = (path: string, text: string) => Promise<LintFix>;

/** A repository's formatter as the fix uses it. */
export interface Formatter {
  /** Whether a file's text is formatted already. */
  readonly check: (path: string, text: string) => Promise<boolean>;
  /** Formats a file's text, whole or (with a range) the statements around `[start, end)`. */
  readonly format: (
    path: string,
    text: string,
    range?: readonly [number, number],
  ) => Promise<string>;
}

/** The fixers of a repository: `undefined` where its tool has none the gate runs. */
export interface ToolFixers {
  /** Rung 1's Prettier, or `undefined` (Biome, oxfmt). */
  readonly formatter: Formatter | undefined;
  /** The formatter's name, to say what to run instead. */
  readonly formatterName: string;
  /** Rung 2's ESLint with `fix: true`, or `undefined` (oxlint, Biome, xo, a lint script). */
  readonly linter: LintFixer | undefined;
  /** The linter's name, to say what to run instead. */
  readonly linterName: string;
}

/**
 * Loads the repository's fixers.
 *
 * @param root - the repository root
 * @param tools - what the repository declares about its tools
 * @returns the formatter and linter fixers
 * @example
 * ```ts
 * const { formatter } = await loadToolFixers(root, readRepositoryTools(project));
 * await formatter?.format("/repo/src/a.ts", text);
 * ```
 */
export async function loadToolFixers(root: string, tools: RepositoryTools): Promise<ToolFixers> {
  const format = chooseAdapter(FORMATTERS, tools);
  const formatterName = format?.adapter.name ?? "prettier";
  const formatter =
    formatterName === "prettier"
      ? await prettierFormatter(format?.plan ?? bundledPrettierPlan([]))
      : undefined;
  const lint = chooseLinter(tools);
  const linter = lint.name === "eslint" ? await eslintFixer(root, lint.plan) : undefined;
  return { formatter, formatterName, linter, linterName: lint.name };
}

async function prettierFormatter(plan: ToolPlan): Promise<Formatter> {
  const prettier = await loadPrettier(plan);
  const optionsFor = async (path: string): Promise<object> => ({
    ...(((await prettier.resolveConfig(path)) as object | null) ?? {}),
    filepath: path,
  });
  return {
    check: async (path, text) => prettier.check(text, await optionsFor(path)),
    format: async (path, text, range) => {
      const rangeOptions =
        range === undefined ? {} : { rangeStart: range[0], rangeEnd: range[1] };
      return prettier.format(text, { ...(await optionsFor(path)), ...rangeOptions });
    },
  };
}

/** Rung 2's choice: the linter its scripts run (ESLint among them wins), else the first planned. */
function chooseLinter(tools: RepositoryTools): { name: string; plan: ToolPlan | undefined } {
  const planned = LINTERS.flatMap((adapter) => {
    const plan = adapter.plan(tools);
    return plan === undefined ? [] : [{ name: adapter.name, plan }];
  });
  const scripted = planned.filter((choice) => choice.plan.scripted);
  const chosen = scripted.length > 0 ? scripted : planned.slice(0, 1);
  const eslint = chosen.find((choice) => choice.name === "eslint");
  if (eslint !== undefined) return eslint;
  if (chosen[0] !== undefined) return chosen[0];
  // No linter of its own: the gate's ESLint, unless a lint script runs one it does not know.
  return lintScript.plan(tools) === undefined
    ? { name: "eslint", plan: undefined }
    : { name: "the lint script", plan: undefined };
}

interface EslintLike {
  lintText(
    text: string,
    options: { filePath: string; warnIgnored: boolean },
  ): Promise<
    readonly {
      output?: string;
      messages: readonly { ruleId: string | null; fatal?: boolean }[];
    }[]
  >;
}

interface EslintModule {
  readonly ESLint: new (options: object) => EslintLike;
  readonly loadESLint?: (options: object) => Promise<new (options: object) => EslintLike>;
}

/** ESLint with `fix: true`: the repository's, or the gate's with its defaults (`plan` undefined). */
async function eslintFixer(
  root: string,
  plan: ToolPlan | undefined,
): Promise<LintFixer | undefined> {
  let eslint: EslintLike;
  if (plan === undefined) {
    const { ESLint } = await import("eslint");
    const { gateEslintConfig } = await import("../defaults/eslint-config.js");
    eslint = new ESLint({
      cwd: root,
      fix: true,
      overrideConfigFile: true,
      overrideConfig: gateEslintConfig(root),
    }) as unknown as EslintLike;
  } else {
    if (plan.installed === undefined) return undefined;
    const entry = createRequire(join(plan.installed.dir, "package.json")).resolve("eslint");
    const loaded = (await import(pathToFileURL(entry).href)) as EslintModule & {
      default?: EslintModule;
    };
    const module = loaded.default ?? loaded;
    const flat = plan.env?.ESLINT_USE_FLAT_CONFIG === "true";
    const Eslint =
      (await module.loadESLint?.({ useFlatConfig: flat, cwd: root })) ?? module.ESLint;
    eslint = new Eslint({ cwd: root, fix: true });
  }
  return async (path, text) => {
    const [result] = await eslint.lintText(text, { filePath: path, warnIgnored: false });
    const remaining = new Set(
      (result?.messages ?? []).map(
        (message) =>
          `eslint/${message.ruleId ?? (message.fatal === true ? "parse-error" : "unknown")}`,
      ),
    );
    return { output: result?.output ?? text, remaining };
  };
}
