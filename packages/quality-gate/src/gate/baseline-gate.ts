/**
 * `--baseline FILE` in `check`: known findings (by symbol identity, see baseline.ts) stop failing
 * the gate, new ones still do, and the report says how many were tolerated. The file is read
 * before the climb, so a corrupt one stops the run at once and is left untouched. It is written
 * only by a run that sees every finding: created when missing, and with `--update-baseline`
 * shrunk to the findings that still occur (or, with `--force`, set to today's findings).
 */
import {
  applyBaseline,
  readBaseline,
  updateBaseline,
  writeBaseline,
} from "../baseline/baseline.js";
import type { Baseline } from "../baseline/baseline.js";
import { QualityGateError } from "../errors.js";
import type { Report } from "../report/build-report.js";
import { scopeReport } from "./scope-report.js";

/** The baseline flags of `check`. */
export interface BaselineFlags {
  /** The baseline file. */
  readonly baseline?: string;
  /** Drop the entries that no longer occur (with `force`, record today's findings). */
  readonly updateBaseline?: boolean;
  /** With `updateBaseline`: record every current finding, new ones included. */
  readonly force?: boolean;
}

/** What a run did with the baseline file, for the CLI to say on stderr. */
export type BaselineEvent =
  | {
      readonly kind: "created" | "updated";
      readonly path: string;
      readonly before: number;
      readonly after: number;
    }
  | { readonly kind: "not-created"; readonly path: string; readonly partial: string };

/** A baseline opened for one run. */
export interface BaselineGate {
  /**
   * Writes the baseline when this run should, then drops the known findings from the report.
   *
   * @param report - the report, already scoped by `--since` or `--staged`
   * @param only - the `--only` rungs, if any
   * @returns the report with new findings only, and what was done with the file
   */
  readonly finish: (
    report: Report,
    only: readonly number[] | undefined,
  ) => { report: Report; events: BaselineEvent[] };
}

/**
 * Opens the baseline for a run: checks the flags and reads the file.
 *
 * @param path - the baseline file, absolute, or `undefined` without `--baseline`
 * @param flags - `--update-baseline` and `--force`
 * @param partial - why this run does not see every finding (`--since`, `--staged`, `--shard`),
 *   or `undefined`
 * @returns the baseline gate, or `undefined` without `--baseline`
 * @throws QualityGateError (`USAGE`) for `--update-baseline` without `--baseline` or in a
 *   partial run, `--force` without `--update-baseline`; BaselineError for a corrupt file.
 *   The returned `finish` throws QualityGateError (`OUTPUT_UNWRITABLE`) when the file cannot be
 *   written
 * @example
 * ```ts
 * const gate = openBaseline("/repo/quality-gate.baseline.json", {}, undefined);
 * ```
 */
export function openBaseline(
  path: string | undefined,
  flags: BaselineFlags,
  partial: string | undefined,
): BaselineGate | undefined {
  checkFlags(path, flags, partial);
  if (path === undefined) return undefined;
  const recorded = readBaseline(path);
  const write = recorded === undefined ? partial === undefined : flags.updateBaseline === true;
  const opened: Opened = { path, recorded, write, force: flags.force === true, partial };
  return { finish: (report, only) => finishBaseline(opened, report, only) };
}

interface Opened {
  readonly path: string;
  readonly recorded: Baseline | undefined;
  readonly write: boolean;
  readonly force: boolean;
  readonly partial: string | undefined;
}

function finishBaseline(
  opened: Opened,
  report: Report,
  only: readonly number[] | undefined,
): { report: Report; events: BaselineEvent[] } {
  const { path, recorded } = opened;
  const ran = (rung: number): boolean => {
    const status = report.rungs[rung]?.status;
    return status === "passed" || status === "failed";
  };
  const events: BaselineEvent[] = [];
  let baseline = recorded;
  if (opened.write) {
    baseline = updateBaseline(recorded, report.findings, opened.force, ran);
    save(path, baseline);
    const kind = recorded === undefined ? "created" : "updated";
    const before = recorded?.entries.length ?? 0;
    events.push({ kind, path, before, after: baseline.entries.length });
  } else if (recorded === undefined) {
    events.push({ kind: "not-created", path, partial: opened.partial ?? "" });
  }
  const { fresh, known } = applyBaseline(report.findings, baseline, ran);
  const { fixed } = applyBaseline(report.findings, recorded, ran);
  const isFresh = new Set(fresh);
  const scoped = scopeReport(report, (finding) => isFresh.has(finding), only, {
    tolerated: known.length,
    // A partial run does not see the findings outside its part: they would look fixed.
    ...(opened.partial === undefined ? { fixed: fixed.length } : {}),
  });
  return { report: scoped, events };
}

function save(path: string, baseline: Baseline): void {
  try {
    writeBaseline(path, baseline);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QualityGateError(
      "OUTPUT_UNWRITABLE",
      `Cannot write the baseline ${path}: ${reason}.`,
    );
  }
}

function checkFlags(
  path: string | undefined,
  flags: BaselineFlags,
  partial: string | undefined,
): void {
  const usage = (message: string): QualityGateError => new QualityGateError("USAGE", message);
  if (flags.updateBaseline === true && path === undefined)
    throw usage("--update-baseline needs --baseline FILE: the file to update.");
  if (flags.force === true && flags.updateBaseline !== true)
    throw usage(
      "--force only applies to --update-baseline (record today's findings, new ones included).",
    );
  if (flags.updateBaseline === true && partial !== undefined)
    throw usage(`--update-baseline needs a run that sees every finding; drop ${partial}.`);
}
