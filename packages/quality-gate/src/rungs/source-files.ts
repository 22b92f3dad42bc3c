/**
 * The files the gate's own format and lint defaults look at: the configured globs, minus what is
 * never source and what git ignores.
 */
import { globSync } from "../glob-sync.js";
import type { QualityGateConfig } from "../config/config-schema.js";
import { gitIgnored } from "../tools/git-ignored.js";

/** Never source: dependencies, build output, coverage reports. */
const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/dist/**", "**/coverage/**", "**/.git/**"];

/**
 * Lists the repository's source files.
 *
 * @param root - the repository root
 * @param config - the configuration's `include` and `exclude` globs
 * @returns absolute paths, sorted; none that git ignores
 * @example
 * ```ts
 * sourceFiles("/repo", config); // ["/repo/src/a.ts", …]
 * ```
 */
export function sourceFiles(root: string, config: QualityGateConfig): string[] {
  const ignored = gitIgnored(root);
  return globSync(config.include, {
    cwd: root,
    absolute: true,
    dot: true,
    ignore: [...ALWAYS_EXCLUDED, ...config.exclude],
  })
    .filter((file) => !ignored(file))
    .sort();
}
