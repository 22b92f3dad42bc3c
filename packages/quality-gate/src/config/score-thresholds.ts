/**
 * The minimum of every score category, read from the configuration: the `thresholds`, and for
 * tests the line coverage minimum (`rungs.tested.coverage.lines`, in percent), the one setting
 * of line coverage, which both fails rung 3 and sets the tests score's threshold.
 */
import type { QualityGateConfig } from "./config-types.js";

/** The minimum each category score must reach, in [0, 1]. */
export interface ScoreThresholds {
  /** For the documentation score. */
  readonly documentation: number;
  /** For the types score. */
  readonly types: number;
  /** For the tests score (line coverage as a fraction). */
  readonly tests: number;
  /** For the lint score. */
  readonly lint: number;
  /** For the overall score. */
  readonly overall: number;
}

/**
 * Reads every category's minimum from a configuration.
 *
 * @param config - the validated configuration
 * @returns the thresholds, the tests one as a fraction of the line coverage minimum
 * @example
 * ```ts
 * scoreThresholds(DEFAULT_CONFIG).tests; // 0.9, from rungs.tested.coverage.lines = 90
 * ```
 */
export function scoreThresholds(config: QualityGateConfig): ScoreThresholds {
  return { ...config.thresholds, tests: config.rungs.tested.coverage.lines / 100 };
}
