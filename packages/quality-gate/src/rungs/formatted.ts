/**
 * Rung 1, formatted: every source file is already Prettier-formatted, with the project's Prettier
 * config and `.prettierignore` honoured.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as Prettier from "prettier";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { cacheKey, openResultCache } from "../cache/result-cache.js";
import type { ResultCache } from "../cache/result-cache.js";
import { relativePath } from "./relative-path.js";
import { sourceFiles } from "./source-files.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 1. */
export const formatted: Rung = {
  id: 1,
  name: "formatted",
  async run(context) {
    try {
      const files = sourceFiles(context.root, context.config).filter(
        (file) => context.onlyFiles?.has(file) !== false,
      );
      const ignorePath = join(context.root, ".prettierignore");
      // Loaded only when this rung runs: Prettier is a heavy import.
      const prettier = await import("prettier");
      const cache = openResultCache<number | null>(context.cacheDir, "prettier");
      const findings: Finding[] = [];
      for (const file of files) {
        const where = { root: context.root, ignorePath, cache };
        const finding = await checkFile(prettier, file, where);
        if (finding !== undefined) findings.push(finding);
      }
      cache.save();
      return { status: findings.length === 0 ? "passed" : "failed", findings };
    } catch (error) {
      return toolFailure(1, "prettier", error);
    }
  },
};

/**
 * Checks one file. The cache keeps Prettier's answer (the first line that differs, or `null` when
 * formatted) for the same text, options and Prettier version; the finding is built fresh.
 */
async function checkFile(
  prettier: typeof Prettier,
  file: string,
  where: { root: string; ignorePath: string; cache: ResultCache<number | null> },
): Promise<Finding | undefined> {
  const info = await prettier.getFileInfo(file, { ignorePath: where.ignorePath });
  if (info.ignored || info.inferredParser === null) return undefined;
  const options = { ...((await prettier.resolveConfig(file)) ?? {}), filepath: file };
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
    file: relativePath(where.root, file),
    line,
    column: 1,
    symbol: null,
    message: `Not Prettier-formatted from line ${String(line)}. Run prettier --write on this file (npm run format).`,
  };
}

function firstDifference(actual: string, expected: string): number {
  const a = actual.split("\n");
  const b = expected.split("\n");
  const index = a.findIndex((line, i) => line !== b[i]);
  return index < 0 ? Math.min(a.length, b.length) : index + 1;
}
