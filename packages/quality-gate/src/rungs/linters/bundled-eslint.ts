/**
 * The gate's own ESLint with its own strict config (typescript-eslint `strictTypeChecked` +
 * `stylisticTypeChecked`), in process, on the source files of a repository that has no linter at
 * all. No warning passes. Its cache keeps each file's results by content, config and ESLint's
 * version; like `eslint --cache`, it does not see that a typed rule's verdict on an unchanged file
 * can change with the files it imports (delete the folder, or pass `--no-cache`, after such edits).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ESLint } from "eslint";
import type { Finding, RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { relativePath } from "../relative-path.js";
import { sourceFiles } from "../source-files.js";

const require = createRequire(import.meta.url);

/**
 * Lints a repository with the gate's own ESLint and config.
 *
 * @param context - the rung's context
 * @returns the rung's outcome; any warning fails it
 * @example
 * ```ts
 * return runBundledEslint(context);
 * ```
 */
export async function runBundledEslint(context: RungContext): Promise<RungOutcome> {
  const { ESLint } = await import("eslint");
  const { gateEslintConfig } = await import("../../defaults/eslint-config.js");
  const { version } = require("eslint/package.json") as { version: string };
  const cache =
    context.cacheDir === undefined
      ? {}
      : {
          cache: true,
          cacheLocation: join(context.cacheDir, "eslint.json"),
          cacheStrategy: "content" as const,
        };
  const eslint = new ESLint({
    cwd: context.root,
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
    ...cache,
    overrideConfigFile: true,
    overrideConfig: gateEslintConfig(context.root),
  });
  const files = sourceFiles(context.root, context.config).filter(
    (file) => context.onlyFiles?.has(file) !== false,
  );
  const results = files.length === 0 ? [] : await eslint.lintFiles(files);
  const findings = results.flatMap((result) =>
    result.messages.map((message) => toFinding(context.root, result.filePath, message)),
  );
  return {
    status: findings.length === 0 ? "passed" : "failed",
    findings,
    tool: {
      name: "eslint",
      version,
      source: "bundled",
      note: "the repository has no linter of its own",
    },
  };
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
    message: `${message.message} (${severity}; the gate's defaults allow no warnings either)`,
  };
}
