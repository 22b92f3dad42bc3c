/**
 * The configuration schema (`quality-gate.config.ts` / `.json`), validated on load with zod: the
 * one place the configuration's shape, its constraints and the documentation of every key are
 * written. Its TypeScript types (`config-types.ts`) and its JSON schema (`schema/config.v1.json`)
 * are generated from it (`npm run generate:config`), and a test fails when either is stale. The
 * defaults it fills in come from `default-config.ts`, plain data a run without a config file reads
 * without loading zod.
 */
import { z } from "zod";
import type { QualityGateConfig, QualityGateUserConfig } from "./config-types.js";
import { DEFAULT_CONFIG } from "./default-config.js";

export type {
  AllowedSink,
  QualityGateConfig,
  QualityGateUserConfig,
  Thresholds,
  Weights,
} from "./config-types.js";

const { thresholds, weights, rungs } = DEFAULT_CONFIG;

const unit = z.number().min(0).max(1);
const percent = z.number().min(0).max(100);
const weight = z.number().min(0);
const globs = z.array(z.string().min(1));

const thresholdsSchema = z
  .strictObject({
    documentation: unit
      .default(thresholds.documentation)
      .meta({ description: "Rung 7 passes at or above this documentation score." }),
    types: unit
      .default(thresholds.types)
      .meta({ description: "Rung 4 passes at or above this types score." }),
    lint: unit
      .default(thresholds.lint)
      .meta({ description: "Minimum lint score: 1 means format and lint must be clean." }),
    overall: unit
      .default(thresholds.overall)
      .meta({ description: "Minimum overall score, the weighted mean of the categories." }),
  })
  .meta({
    id: "Thresholds",
    description:
      "Minimum category scores in [0, 1]; a measured category below its threshold fails the gate. The tests score's minimum is `rungs.tested.coverage.lines`, in percent.",
  });

const weightsSchema = z
  .strictObject({
    documentation: weight
      .default(weights.documentation)
      .meta({ description: "How much the documentation score counts in the overall score." }),
    types: weight
      .default(weights.types)
      .meta({ description: "How much the types score counts in the overall score." }),
    tests: weight.default(weights.tests).meta({
      description: "How much the tests score (line coverage) counts in the overall score.",
    }),
    lint: weight
      .default(weights.lint)
      .meta({ description: "How much the lint and format score counts in the overall score." }),
  })
  .meta({
    id: "Weights",
    description: "Weights of the overall score, over the categories a run measured.",
  });

const coverageSchema = z
  .strictObject({
    lines: percent.default(rungs.tested.coverage.lines).meta({
      description:
        "Minimum line coverage in percent: rung 3 fails below it, and so does the tests score (line coverage / 100).",
    }),
    branches: percent
      .default(rungs.tested.coverage.branches)
      .meta({ description: "Minimum branch coverage in percent: rung 3 fails below it." }),
  })
  .meta({ id: "CoverageThresholds", description: "Rung 3's coverage minimums, in percent." });

const allowedSinkSchema = z
  .strictObject({
    file: z.string().min(1).meta({
      description: "The file, relative to the repository root (`packages/x/src/loader.ts`).",
    }),
    rule: z
      .string()
      .regex(/^security\//, "a rung 5 rule, such as security/no-eval")
      .meta({
        description: "The finding's rule (`security/no-dynamic-vm`, `security/no-eval`, …).",
      }),
    reason: z
      .string()
      .trim()
      .min(1, "say why this sink is safe")
      .meta({ description: "Why it is safe; required, so every exception explains itself." }),
  })
  .meta({
    id: "AllowedSink",
    description:
      "A dangerous sink accepted in one file, such as a `vm` compile of a trusted module file.",
  });

const secureSchema = z
  .strictObject({
    allowSecrets: z
      .array(z.string())
      .default(() => [...rungs.secure.allowSecrets])
      .meta({
        description: "Values the secret scanner must not report (exact strings or `/regex/`).",
      }),
    allowSinks: z
      .array(allowedSinkSchema)
      .default(() => [...rungs.secure.allowSinks])
      .meta({
        description: "Sinks allowed in one file, each with the reason a reviewer accepted it.",
      }),
  })
  .meta({ id: "SecureOptions", description: "Rung 5's reviewed exceptions." });

const typedSchema = z
  .strictObject({
    maxInferredTypeWidth: z.number().min(1).default(rungs.typed.maxInferredTypeWidth).meta({
      description:
        "`quality-gate fix` writes an inferred type only up to this many characters (on one line); a longer one stays a finding for a person to name.",
    }),
  })
  .meta({ id: "TypedOptions", description: "Rung 4's options." });

const rungsSchema = z
  .strictObject({
    tested: z
      .strictObject({ coverage: coverageSchema.prefault({}) })
      .prefault({})
      .meta({ id: "TestedOptions", description: "Rung 3's options." }),
    typed: typedSchema.prefault({}),
    secure: secureSchema.prefault({}),
  })
  .meta({ id: "RungOptions", description: "Per-rung options." });

/** The schema; unknown keys are errors, so a typo never silently falls back to a default. */
export const configSchema: z.ZodType<QualityGateConfig, QualityGateUserConfig> = z
  .strictObject({
    thresholds: thresholdsSchema.prefault({}),
    weights: weightsSchema.prefault({}),
    entryPoints: globs.optional().meta({
      description:
        "Entry files of the public API, relative to the root; by default each package's `exports`.",
    }),
    include: globs
      .default(() => [...DEFAULT_CONFIG.include])
      .meta({ description: "Globs of the files the format and lint rungs look at." }),
    exclude: globs
      .default(() => [...DEFAULT_CONFIG.exclude])
      .meta({
        description: "Globs left out everywhere (node_modules, dist and coverage always are).",
      }),
    rungs: rungsSchema.prefault({}),
  })
  // Its description differs between the types (validated) and the JSON schema (as written).
  .meta({ id: "QualityGateConfig" });
