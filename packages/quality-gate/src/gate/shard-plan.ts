/**
 * `--shard i/n` in `check`: each shard gates a deterministic slice of the repository's files
 * (round-robin over the sorted list of source and tsconfig files), and findings tied to no such
 * file (`tsconfig.json`, a tool that could not run) go to shard 1, so the shards' findings are a
 * partition of the unsharded run's. Rung 3 (tests with coverage, which cannot be summed) runs
 * whole in shard 1 only. `merge-reports` joins the shards' reports.
 */
import { resolve } from "node:path";
import type { QualityGateConfig } from "../config/config-schema.js";
import { narrowReport } from "./scope-report.js";
import type { Finding } from "../ladder/finding.js";
import { rungIdsWhere } from "../ladder/rungs.js";
import type { Project } from "../project/discover-project.js";
import type { Report } from "../report/build-report.js";
import { sourceFiles } from "../rungs/source-files.js";
import type { Shard } from "../shard/parse-shard.js";
import { selectShard } from "../shard/parse-shard.js";

/** What a shard restricts before the climb and keeps after it. */
export interface ShardPlan {
  /** This shard's files, absolute: the rungs only read and report these. */
  readonly onlyFiles: ReadonlySet<string>;
  /**
   * Drops the rungs this shard does not run (rung 3 outside shard 1).
   *
   * @param rungs - the requested rungs
   * @returns the rungs this shard runs
   */
  readonly rungs: (rungs: readonly number[]) => number[];
  /**
   * Keeps this shard's findings, recomputes the statuses of the rungs judged by findings, and
   * records the shard in the report.
   *
   * @param report - the shard's report
   * @param only - the `--only` rungs, if any
   * @returns the report of this shard's slice
   */
  readonly finish: (report: Report, only: readonly number[] | undefined) => Report;
}

/** What a shard's report names as the run it belongs to. */
export interface ShardIdentity {
  /** The repository's package name, or its folder's name. */
  readonly repository: string;
  /** The commit checked out, when the repository is in git. */
  readonly commit?: string;
}

/** The rungs judged by a score over every symbol, the same in every shard. */
const SCORED_RUNGS = new Set(
  rungIdsWhere((traits) => traits.measures === "types" || traits.measures === "documentation"),
);
/** The rungs that run whole, in shard 1. */
const WHOLE_RUNGS = new Set(rungIdsWhere((traits) => traits.wholeInOneShard));

/**
 * Plans one shard of a run.
 *
 * @param project - the repository
 * @param config - the `include` and `exclude` globs of the format and lint rungs
 * @param shard - which shard
 * @param identity - what the shard's report says it checked (the repository's name and the
 *   commit), so that merge-reports refuses shards of other runs
 * @returns the shard's files and how its report is narrowed
 * @example
 * ```ts
 * const plan = planShard(discoverProject("/repo"), config, parseShard("2/3"), { repository: "my-lib" });
 * ```
 */
export function planShard(
  project: Project,
  config: QualityGateConfig,
  shard: Shard,
  identity: ShardIdentity,
): ShardPlan {
  const { root } = project;
  const candidates = new Set([
    ...sourceFiles(root, config),
    ...project.tsconfigs.flatMap((tsconfig) => [...tsconfig.fileNames]),
  ]);
  const mine = new Set(selectShard([...candidates], shard));
  const keep = (finding: Finding): boolean => {
    const file = resolve(root, finding.file);
    return candidates.has(file) ? mine.has(file) : shard.index === 1;
  };
  return {
    onlyFiles: mine,
    rungs: (rungs) => rungs.filter((id) => !WHOLE_RUNGS.has(id) || shard.index === 1),
    finish: (report, only) =>
      narrowReport(report, {
        findings: report.findings.filter(keep),
        statusOf: shardStatus,
        only,
        note: { shard: `${String(shard.index)}/${String(shard.count)}`, ...identity },
      }),
  };
}

function shardStatus(id: number, status: string, findings: readonly Finding[]): string {
  if ((status !== "passed" && status !== "failed") || SCORED_RUNGS.has(id)) return status;
  return findings.some((finding) => finding.rung === id) ? "failed" : "passed";
}
