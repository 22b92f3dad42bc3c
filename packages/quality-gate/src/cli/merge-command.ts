/**
 * `quality-gate merge-reports <files...>`: joins the JSON reports of `check --shard i/n` into one
 * report, written in any format, with the exit code an unsharded run would have had.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../config/load-config.js";
import { QualityGateError } from "../errors.js";
import type { Report } from "../report/build-report.js";
import { mergeReports } from "../report/merge-reports.js";
import type { CliIo } from "./io.js";
import { planOutputs, prepareOutputs, writeOutputs } from "./report-outputs.js";
import type { OutputFlags } from "./report-outputs.js";

/** The flags of `merge-reports`. */
export interface MergeFlags extends OutputFlags {
  /** The configuration file with the thresholds and weights of the verdict. */
  readonly config?: string;
}

/**
 * Runs `merge-reports`.
 *
 * @param files - the shards' JSON reports, relative to the working directory
 * @param flags - `--format`, `--output`, `--output-dir` and `--config`
 * @param io - working directory, environment and streams
 * @returns 0 when the merged report passes, 1 when not
 * @throws QualityGateError (`BAD_REPORT`) for a file that is not a report or a set of reports
 *   that is not every shard of one run; `USAGE` for bad output flags
 * @example
 * ```ts
 * const code = await mergeCommand(["shard-1.json", "shard-2.json"], { format: "github" }, io);
 * ```
 */
export async function mergeCommand(
  files: readonly string[],
  flags: MergeFlags,
  io: CliIo,
): Promise<number> {
  const outputs = planOutputs(flags, io);
  const reports = files.map((file) => readReport(resolve(io.cwd, file)));
  const { config } = await loadConfig(io.cwd, flags.config, io.cwd);
  prepareOutputs(outputs);
  const report = mergeReports(reports, config);
  writeOutputs(report, outputs, io);
  return report.passed ? 0 : 1;
}

function readReport(file: string): Report {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QualityGateError("BAD_REPORT", `merge-reports: cannot read ${file}: ${reason}.`);
  }
  const report = parsed as Partial<Report> | null;
  const shaped =
    typeof report === "object" &&
    report !== null &&
    Array.isArray(report.rungs) &&
    report.rungs.length === 8 &&
    Array.isArray(report.findings) &&
    typeof report.scores === "object";
  if (!shaped) {
    throw new QualityGateError(
      "BAD_REPORT",
      `merge-reports: ${file} is not a quality-gate JSON report (write it with check --format json).`,
    );
  }
  return report as Report;
}
