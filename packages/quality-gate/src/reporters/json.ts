/** The `json` format: the report as the versioned contract in `schema/report.v1.json`. */
import type { Reporter } from "./reporter.js";

/** The `json` reporter. */
export const jsonReporter: Reporter = {
  name: "json",
  extension: "json",
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
