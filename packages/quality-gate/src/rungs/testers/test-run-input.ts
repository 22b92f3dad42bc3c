/** What a test adapter is given: the runner, the script's arguments for it, and what to measure. */
import type { ToolUsed } from "../../ladder/finding.js";
import type { InstalledPackage } from "../../tools/installed-package.js";

/** The runner to run, as the repository's test script runs it. */
export interface TestRunInput {
  /** The runner, as the report names it. */
  readonly tool: ToolUsed;
  /** The repository's installation of it. */
  readonly installed: InstalledPackage;
  /** Its arguments in the repository's test script. */
  readonly args: readonly string[];
  /** Whether to collect coverage (a provider is installed for it). */
  readonly coverage: boolean;
}
