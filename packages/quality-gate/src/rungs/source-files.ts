/** The files the format and lint rungs look at: the configured globs, minus what is never source. */
import { globSync } from "../glob-sync.js";
import type { QualityGateConfig } from "../config/config-schema.js";

/** Never source: dependencies, build output, coverage reports. */
const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/dist/**", "**/coverage/**", "**/.git/**"];

/**
 * Lists the repository's source files.
 *
 * @param root - the repository root
 * @param config - the configuration's `include` and `exclude` globs
 * @returns absolute paths, sorted
 * @example
 * ```ts
 * sourceFiles("/repo", config); // ["/repo/src/a.ts", …]
 * ```
 */
export function sourceFiles(root: string, config: QualityGateConfig): string[] {
  return globSync(config.include, {
    cwd: root,
    absolute: true,
    dot: true,
    ignore: [...ALWAYS_EXCLUDED, ...config.exclude],
  }).sort();
}
