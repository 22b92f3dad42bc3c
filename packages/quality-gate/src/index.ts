/**
 * `@ladder/quality-gate`: climbs the production-readiness ladder (compiles, formatted, linted,
 * tested, typed, secure, observable, documented) on a TypeScript repository, scores every
 * exported symbol's TSDoc and types, and reports per symbol, per rung and overall.
 *
 * @packageDocumentation
 */
export { defineConfig } from "./config/define-config.js";
export type {
  AllowedSink,
  QualityGateConfig,
  QualityGateUserConfig,
} from "./config/config-schema.js";
export { loadConfig } from "./config/load-config.js";
export { gateEslintConfig } from "./defaults/eslint-config.js";
export { gatePrettierConfig } from "./defaults/prettier-config.js";
export { QualityGateError } from "./errors.js";
export type { QualityGateErrorCode } from "./errors.js";
export type { Finding, RungOutcome, RungStatus } from "./ladder/finding.js";
export { reachedRung, targetMet } from "./ladder/reached.js";
export type { Rung, RungContext } from "./ladder/rung.js";
export { runLadder } from "./ladder/run-ladder.js";
export type { LadderOptions, LadderResult, RungResult } from "./ladder/run-ladder.js";
export { RUNGS, rungById } from "./ladder/rungs.js";
export { DEFAULT_TARGET, isStageName, STAGES } from "./ladder/stages.js";
export type { StageName } from "./ladder/stages.js";
export { buildReport, REPORT_VERSION } from "./report/build-report.js";
export type { Report, Scores } from "./report/build-report.js";
export { main } from "./cli/main.js";
export type { CliIo } from "./cli/io.js";
