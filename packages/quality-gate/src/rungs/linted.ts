/**
 * Rung 2, linted: zero ESLint errors and zero warnings, with the repository's flat config, or the
 * gate's own when it has none.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ESLint } from "eslint";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { relativePath } from "./relative-path.js";
import { sourceFiles } from "./source-files.js";
import { toolFailure } from "./tool-failure.js";

const CONFIG_FILES = ["js", "mjs", "cjs", "ts", "mts", "cts"].map(
  (ext) => `eslint.config.${ext}`,
);

/** Rung 2. */
export const linted: Rung = {
  id: 2,
  name: "linted",
  async run(context) {
    try {
      const eslint = await createEslint(context.root, context.cacheDir);
      const files = sourceFiles(context.root, context.config).filter(
        (file) => context.onlyFiles?.has(file) !== false,
      );
      const results = files.length === 0 ? [] : await eslint.lintFiles(files);
      const findings = results.flatMap((result) =>
        result.messages.map((message) => toFinding(context.root, result.filePath, message)),
      );
      return { status: findings.length === 0 ? "passed" : "failed", findings };
    } catch (error) {
      return toolFailure(2, "eslint", error);
    }
  },
};

/**
 * Loads ESLint (and the gate's default config) only when this rung runs: it is a heavy import.
 * With a cache folder, ESLint's own cache keeps each file's results by its content, the config
 * and ESLint's version. Like `eslint --cache`, it does not see that a typed rule's verdict on an
 * unchanged file can change with the types of the files it imports; delete the folder (or pass
 * `--no-cache`) after such edits when it matters.
 */
async function createEslint(root: string, cacheDir: string | undefined): Promise<ESLint> {
  const { ESLint } = await import("eslint");
  const own = CONFIG_FILES.some((name) => existsSync(join(root, name)));
  const cache =
    cacheDir === undefined
      ? {}
      : {
          cache: true,
          cacheLocation: join(cacheDir, "eslint.json"),
          cacheStrategy: "content" as const,
        };
  const options = { cwd: root, warnIgnored: false, errorOnUnmatchedPattern: false, ...cache };
  if (own) return new ESLint(options);
  const { gateEslintConfig } = await import("../defaults/eslint-config.js");
  return new ESLint({
    ...options,
    overrideConfigFile: true,
    overrideConfig: gateEslintConfig(root),
  });
}

function toFinding(
  root: string,
  file: string,
  message: ESLint.LintResult["messages"][number],
): Finding {
  const rule = message.ruleId ?? (message.fatal === true ? "parse-error" : "unknown");
  const severity = message.severity === 2 ? "error" : "warning";
  return {
    ruleId: `eslint/${rule}`,
    rung: 2,
    file: relativePath(root, file),
    line: message.line > 0 ? message.line : 1,
    column: message.column > 0 ? message.column : 1,
    symbol: null,
    message: `${message.message} (${severity}; the gate allows no warnings either)`,
  };
}
