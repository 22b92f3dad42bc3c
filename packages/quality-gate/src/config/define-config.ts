/**
 * `defineConfig`, alone in its module: `quality-gate.config.ts` imports it through
 * `@ladder/quality-gate/config`, and that must not load the schema's zod.
 */
import type { QualityGateUserConfig } from "./config-types.js";

/**
 * Types a configuration object for the editor and returns it unchanged (like Vitest's
 * `defineConfig`); the gate validates it when it loads the file.
 *
 * @param config - the configuration
 * @returns the same object
 * @example
 * ```ts
 * // quality-gate.config.ts
 * import { defineConfig } from "@ladder/quality-gate/config";
 * export default defineConfig({ thresholds: { documentation: 0.95 } });
 * ```
 */
export function defineConfig(config: QualityGateUserConfig): QualityGateUserConfig {
  return config;
}
