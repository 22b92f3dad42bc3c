/**
 * Where `check` writes its reports: `--format` is a comma list, `--output FILE` takes one format,
 * `--output-dir DIR` writes each format to `DIR/quality-gate.<ext>` (github annotations always go
 * to stdout, where the Actions runner reads them). Planned before the ladder runs, so a bad
 * `--format` fails at once with exit 2.
 */
import { accessSync, appendFileSync, constants, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { QualityGateError } from "../errors.js";
import { makeDirectory } from "../fs/make-directory.js";
import type { Report } from "../report/build-report.js";
import { renderMarkdown } from "../reporters/markdown.js";
import type { Reporter } from "../reporters/reporter.js";
import { REPORTERS, reporterNamed } from "../reporters/reporters.js";
import { wantsColor } from "./color.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";

/** One report to write: a format and where it goes (`undefined` for stdout). */
export interface ReportOutput {
  /** The format. */
  readonly reporter: Reporter;
  /** The file, absolute, or `undefined` for stdout. */
  readonly file: string | undefined;
}

/** The output flags of `check`. */
export interface OutputFlags {
  /** A format or a comma list of formats. */
  readonly format?: string;
  /** One file for the one format. */
  readonly output?: string;
  /** A directory for several formats. */
  readonly outputDir?: string;
}

function parseFormats(value: string): Reporter[] {
  const names = [...new Set(value.split(",").map((name) => name.trim()))];
  return names.map((name) => {
    const reporter = reporterNamed(name);
    if (reporter === undefined || name === "") {
      throw new QualityGateError(
        "USAGE",
        messages.badFormat(
          name === "" ? value : name,
          REPORTERS.map((r) => r.name),
        ),
      );
    }
    return reporter;
  });
}

/** A path as the user would type it: relative to the working directory when inside it. */
function shown(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith("..") ? file : path;
}

/**
 * Decides where each requested format goes.
 *
 * @param flags - `--format`, `--output` and `--output-dir`
 * @param io - the working directory and whether stdout is a TTY (the default format)
 * @returns one output per format, in the order given
 * @throws QualityGateError (`USAGE`) for an unknown format, `--output` with `--output-dir`, or
 *   several formats without `--output-dir`
 * @example
 * ```ts
 * planOutputs({ format: "github,sarif", outputDir: "reports" }, io);
 * // github → stdout, sarif → <cwd>/reports/quality-gate.sarif
 * ```
 */
export function planOutputs(flags: OutputFlags, io: CliIo): ReportOutput[] {
  const format = flags.format ?? (io.stdout.isTTY === true ? "pretty" : "json");
  const reporters = parseFormats(format);
  if (flags.output !== undefined && flags.outputDir !== undefined)
    throw new QualityGateError("USAGE", messages.outputAndOutputDir());
  if (flags.outputDir !== undefined) {
    const dir = resolve(io.cwd, flags.outputDir);
    return reporters.map((reporter) => ({
      reporter,
      file:
        reporter.extension === null ? undefined : join(dir, `quality-gate.${reporter.extension}`),
    }));
  }
  if (reporters.length > 1) throw new QualityGateError("USAGE", messages.severalFormats(format));
  const file = flags.output === undefined ? undefined : resolve(io.cwd, flags.output);
  return reporters.map((reporter) => ({ reporter, file }));
}

/** Runs a file-system write, turning its failure into a one-line setup error. */
function writeSafely(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QualityGateError("OUTPUT_UNWRITABLE", messages.cannotWrite(path, reason));
  }
}

/**
 * Creates the directories the planned reports go to and checks that each report can be written
 * there, before the ladder runs, so that an unwritable `--output` or `--output-dir` fails at once
 * rather than after a long climb.
 *
 * @param outputs - from {@link planOutputs}
 * @throws QualityGateError (`OUTPUT_UNWRITABLE`) when a directory cannot be created, or a report
 *   could not be written (a read-only directory or file, a directory in the file's place)
 * @example
 * ```ts
 * const outputs = planOutputs(flags, io);
 * prepareOutputs(outputs);
 * ```
 */
export function prepareOutputs(outputs: readonly ReportOutput[]): void {
  for (const { file } of outputs) {
    if (file === undefined) continue;
    const dir = dirname(file);
    writeSafely(dir, () => {
      makeDirectory(dir);
      accessSync(dir, constants.W_OK);
    });
    writeSafely(file, () => {
      const existing = statSync(file, { throwIfNoEntry: false });
      if (existing?.isDirectory() === true) throw new Error("it is a directory");
      if (existing !== undefined) accessSync(file, constants.W_OK);
    });
  }
}

/**
 * Renders and writes every planned report, and, when the `github` format is among them and
 * `GITHUB_STEP_SUMMARY` is set, appends the markdown report to that file (the job's summary page).
 *
 * @param report - the report
 * @param outputs - from {@link planOutputs}
 * @param io - environment and streams; file names written are said on stderr
 * @throws QualityGateError (`OUTPUT_UNWRITABLE`) when a report or the summary cannot be written
 * @example
 * ```ts
 * writeOutputs(report, planOutputs(flags, io), io);
 * ```
 */
export function writeOutputs(report: Report, outputs: readonly ReportOutput[], io: CliIo): void {
  for (const { reporter, file } of outputs) {
    if (file === undefined) {
      io.stdout.write(reporter.render(report, { color: wantsColor(io) }));
      continue;
    }
    writeSafely(file, () => {
      writeFileSync(file, reporter.render(report, { color: false }));
    });
    io.stderr.write(`${messages.wroteReport(shown(file, io.cwd))}\n`);
  }
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (
    outputs.some((output) => output.reporter.name === "github") &&
    summary !== undefined &&
    summary !== ""
  ) {
    const path = resolve(io.cwd, summary);
    writeSafely(path, () => {
      appendFileSync(path, renderMarkdown(report));
    });
  }
}
