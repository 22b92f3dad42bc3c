/** The reporter interface: one file per format, each turning a report into text. */
import type { Report } from "../report/build-report.js";

/** A report format. */
export interface Reporter {
  /** The `--format` name. */
  readonly name: string;
  /**
   * The file extension used with `--output-dir` (`quality-gate.<extension>`), or `null` for a
   * format that only makes sense on stdout (`github`: the Actions runner reads annotations there).
   */
  readonly extension: string | null;
  /** Renders a report. */
  readonly render: (report: Report, options: { readonly color: boolean }) => string;
}
