// Generated from config-schema.ts by `npm run generate:config`; do not edit. The test
// test/config/generated-files.test.ts fails when this file is stale.

/** The configuration after validation, with every default filled in. */
export interface QualityGateConfig {
  /**
   * Minimum category scores in [0, 1]; a measured category below its threshold fails the gate.
   * The tests score's minimum is `rungs.tested.coverage.lines`, in percent.
   */
  readonly thresholds: Thresholds;
  /** Weights of the overall score, over the categories a run measured. */
  readonly weights: Weights;
  /**
   * Entry files of the public API, relative to the root; by default each package's `exports`.
   */
  readonly entryPoints?: readonly string[] | undefined;
  /** Globs of the files the format and lint rungs look at. */
  readonly include: readonly string[];
  /** Globs left out everywhere (node_modules, dist and coverage always are). */
  readonly exclude: readonly string[];
  /** Per-rung options. */
  readonly rungs: RungOptions;
}

/**
 * Minimum category scores in [0, 1]; a measured category below its threshold fails the gate. The
 * tests score's minimum is `rungs.tested.coverage.lines`, in percent.
 */
export interface Thresholds {
  /** Rung 7 passes at or above this documentation score. */
  readonly documentation: number;
  /** Rung 4 passes at or above this types score. */
  readonly types: number;
  /** Minimum lint score: 1 means format and lint must be clean. */
  readonly lint: number;
  /** Minimum overall score, the weighted mean of the categories. */
  readonly overall: number;
}

/** Weights of the overall score, over the categories a run measured. */
export interface Weights {
  /** How much the documentation score counts in the overall score. */
  readonly documentation: number;
  /** How much the types score counts in the overall score. */
  readonly types: number;
  /** How much the tests score (line coverage) counts in the overall score. */
  readonly tests: number;
  /** How much the lint and format score counts in the overall score. */
  readonly lint: number;
}

/** Per-rung options. */
export interface RungOptions {
  /** Rung 3's options. */
  readonly tested: TestedOptions;
  /** Rung 4's options. */
  readonly typed: TypedOptions;
  /** Rung 5's reviewed exceptions. */
  readonly secure: SecureOptions;
}

/** Rung 3's options. */
export interface TestedOptions {
  /** Rung 3's coverage minimums, in percent. */
  readonly coverage: CoverageThresholds;
}

/** Rung 3's coverage minimums, in percent. */
export interface CoverageThresholds {
  /**
   * Minimum line coverage in percent: rung 3 fails below it, and so does the tests score (line
   * coverage / 100).
   */
  readonly lines: number;
  /** Minimum branch coverage in percent: rung 3 fails below it. */
  readonly branches: number;
}

/** Rung 4's options. */
export interface TypedOptions {
  /**
   * `quality-gate fix` writes an inferred type only up to this many characters (on one line); a
   * longer one stays a finding for a person to name.
   */
  readonly maxInferredTypeWidth: number;
}

/** Rung 5's reviewed exceptions. */
export interface SecureOptions {
  /** Values the secret scanner must not report (exact strings or `/regex/`). */
  readonly allowSecrets: readonly string[];
  /** Sinks allowed in one file, each with the reason a reviewer accepted it. */
  readonly allowSinks: readonly AllowedSink[];
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
