/**
 * The configuration schema (`quality-gate.config.ts` / `.json`), validated on load with zod. The
 * defaults it fills in come from `default-config.ts`, so they are written down once.
 */
import { z } from "zod";
import { DEFAULT_CONFIG } from "./default-config.js";

const { thresholds, weights, rungs } = DEFAULT_CONFIG;

const unit = z.number().min(0).max(1);
const percent = z.number().min(0).max(100);
const weight = z.number().min(0);

/** Minimum category scores in [0, 1]. */
export interface Thresholds {
  /** Rung 7 passes at or above this documentation score (default 1). */
  readonly documentation: number;
  /** Rung 4 passes at or above this types score (default 1). */
  readonly types: number;
  /** Minimum line coverage as a fraction (default 0.9). */
  readonly tests: number;
  /** Minimum lint score: 1 means format and lint must be clean (default 1). */
  readonly lint: number;
  /** Minimum overall score (default 0.9). */
  readonly overall: number;
}

/** Weights of the overall score. */
export interface Weights {
  /** Weight of documentation (default 0.3). */
  readonly documentation: number;
  /** Weight of types (default 0.3). */
  readonly types: number;
  /** Weight of tests (default 0.2). */
  readonly tests: number;
  /** Weight of lint (default 0.2). */
  readonly lint: number;
}

/** The configuration after validation, with every default filled in. */
export interface QualityGateConfig {
  /** Minimum category scores; a category below its threshold fails the gate. */
  readonly thresholds: Thresholds;
  /** Weights of the overall score. */
  readonly weights: Weights;
  /** Entry files of the public API, relative to the root; default: each package's `exports`. */
  readonly entryPoints?: readonly string[] | undefined;
  /** Globs of the files the format and lint rungs look at. */
  readonly include: readonly string[];
  /** Globs left out (node_modules, dist and coverage always are). */
  readonly exclude: readonly string[];
  /** Per-rung options. */
  readonly rungs: {
    /** Rung 3: minimum coverage in percent (default 90 each). */
    readonly tested: { readonly coverage: { readonly lines: number; readonly branches: number } };
    /** Rung 5: reviewed exceptions. */
    readonly secure: {
      /** Values the secret scanner must not report (exact strings or `/regex/`). */
      readonly allowSecrets: readonly string[];
      /** Sinks allowed in one file, each with the reason a reviewer accepted it. */
      readonly allowSinks: readonly AllowedSink[];
    };
  };
}

/** A dangerous sink accepted in one file, such as a `vm` compile of a trusted module file. */
export interface AllowedSink {
  /** The file, relative to the repository root (`packages/x/src/loader.ts`). */
  readonly file: string;
  /** The finding's rule (`security/no-dynamic-vm`, `security/no-eval`, …). */
  readonly rule: string;
  /** Why it is safe; required, so every exception explains itself. */
  readonly reason: string;
}

/** Makes every property optional, at every depth: the shape a user writes. */
type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/** The configuration as a user writes it: every key optional. */
export type QualityGateUserConfig = DeepPartial<QualityGateConfig>;

/** The schema; unknown keys are errors, so a typo never silently falls back to a default. */
export const configSchema: z.ZodType<QualityGateConfig, QualityGateUserConfig> = z.strictObject({
  /** Minimum category scores in [0, 1]; a category below its threshold fails the gate. */
  thresholds: z
    .strictObject({
      documentation: unit.default(thresholds.documentation),
      types: unit.default(thresholds.types),
      tests: unit.default(thresholds.tests),
      lint: unit.default(thresholds.lint),
      overall: unit.default(thresholds.overall),
    })
    .prefault({}),
  /** Weights of the overall score. */
  weights: z
    .strictObject({
      documentation: weight.default(weights.documentation),
      types: weight.default(weights.types),
      tests: weight.default(weights.tests),
      lint: weight.default(weights.lint),
    })
    .prefault({}),
  /** Entry files of the public API, relative to the root; default: each package's `exports`. */
  entryPoints: z.array(z.string().min(1)).optional(),
  /** Globs of files the format and lint rungs look at. */
  include: z.array(z.string().min(1)).default(() => [...DEFAULT_CONFIG.include]),
  /** Globs left out everywhere (added to node_modules, dist and coverage, always left out). */
  exclude: z.array(z.string().min(1)).default(() => [...DEFAULT_CONFIG.exclude]),
  /** Per-rung options. */
  rungs: z
    .strictObject({
      tested: z
        .strictObject({
          coverage: z
            .strictObject({
              lines: percent.default(rungs.tested.coverage.lines),
              branches: percent.default(rungs.tested.coverage.branches),
            })
            .prefault({}),
        })
        .prefault({}),
      secure: z
        .strictObject({
          allowSecrets: z.array(z.string()).default(() => [...rungs.secure.allowSecrets]),
          allowSinks: z
            .array(
              z.strictObject({
                file: z.string().min(1),
                rule: z.string().regex(/^security\//, "a rung 5 rule, such as security/no-eval"),
                reason: z.string().trim().min(1, "say why this sink is safe"),
              }),
            )
            .default(() => [...rungs.secure.allowSinks]),
        })
        .prefault({}),
    })
    .prefault({}),
});

/**
 * Types a configuration object; returns it unchanged (like Vitest's `defineConfig`).
 *
 * @param config - the configuration
 * @returns the same object
 * @example
 * ```ts
 * // quality-gate.config.ts
 * import { defineConfig } from "@ladder/quality-gate";
 * export default defineConfig({ thresholds: { documentation: 0.95 } });
 * ```
 */
export function defineConfig(config: QualityGateUserConfig): QualityGateUserConfig {
  return config;
}
