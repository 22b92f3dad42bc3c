/** The reporter interface: one file per format, each turning a report into text. */
import type { Report } from "../report/build-report.js";

/** A report format. */
export interface Reporter {
  /** The `--format` name. */
  readonly name: string;
  /** Renders a report. */
  readonly render: (report: Report, options: { readonly color: boolean }) => string;
}
