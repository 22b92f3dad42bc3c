/**
 * The configuration's defaults: what a repository without a config file gets, and what the schema
 * fills in for every key a config file leaves out. Plain data, so a run without a config file never
 * loads zod (a tenth of a second of every start-up, measured).
 */
import type { QualityGateConfig } from "./config-types.js";

/**
 * Every default, frozen: the one place they are written down.
 *
 * @example
 * ```ts
 * DEFAULT_CONFIG.thresholds.documentation; // 1
 * ```
 */
export const DEFAULT_CONFIG: QualityGateConfig = deepFreeze({
  thresholds: { documentation: 1, types: 1, lint: 1, overall: 0.9 },
  weights: { documentation: 0.3, types: 0.3, tests: 0.2, lint: 0.2 },
  include: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
  exclude: [],
  rungs: {
    tested: { coverage: { lines: 90, branches: 90 } },
    typed: { maxInferredTypeWidth: 100 },
    secure: { allowSecrets: [], allowSinks: [] },
  },
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === "object" && inner !== null) deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
