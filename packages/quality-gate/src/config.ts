/**
 * `@ladder/quality-gate/config`: what a `quality-gate.config.ts` imports. It loads no code of the
 * gate's (no zod, no commander, no ladder), only the identity function and the config's types, so
 * every config load stays as cheap as reading the file.
 *
 * @packageDocumentation
 */
export { defineConfig } from "./config/define-config.js";
export type {
  AllowedSink,
  CoverageThresholds,
  QualityGateConfig,
  QualityGateUserConfig,
  RungOptions,
  SecureOptions,
  TestedOptions,
  Thresholds,
  Weights,
} from "./config/config-types.js";
