/**
 * Rung 1, formatted: every source file is already Prettier-formatted, with the project's Prettier
 * config and `.prettierignore` honoured.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as Prettier from "prettier";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
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
      const findings: Finding[] = [];
      for (const file of files) {
        const finding = await checkFile(prettier, file, { root: context.root, ignorePath });
        if (finding !== undefined) findings.push(finding);
      }
      return { status: findings.length === 0 ? "passed" : "failed", findings };
    } catch (error) {
      return toolFailure(1, "prettier", error);
    }
  },
};

async function checkFile(
  prettier: typeof Prettier,
  file: string,
  { root, ignorePath }: { root: string; ignorePath: string },
): Promise<Finding | undefined> {
  const info = await prettier.getFileInfo(file, { ignorePath });
  if (info.ignored || info.inferredParser === null) return undefined;
  const options = { ...((await prettier.resolveConfig(file)) ?? {}), filepath: file };
  const text = await readFile(file, "utf8");
  if (await prettier.check(text, options)) return undefined;
  const line = firstDifference(text, await prettier.format(text, options));
  return {
    ruleId: "prettier/format",
    rung: 1,
    file: relativePath(root, file),
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
