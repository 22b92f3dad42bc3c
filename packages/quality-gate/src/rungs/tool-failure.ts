/** A rung whose tool is missing or broken reports that as a finding; the gate does not crash. */
import { QualityGateError } from "../errors.js";
import type { Finding, RungOutcome, ToolUsed } from "../ladder/finding.js";

/**
 * Turns an exception from a tool into a failed rung with one finding.
 *
 * @param rung - the rung's id
 * @param tool - the tool's name, for the rule id and the message (`eslint`, `vitest`)
 * @param error - what the tool threw
 * @returns a failed outcome naming the tool and its error
 * @throws QualityGateError when the error is one: a setup problem stops the run, it is no finding
 * @example
 * ```ts
 * return toolFailure(2, "eslint", error);
 * ```
 */
export function toolFailure(rung: number, tool: string, error: unknown): RungOutcome {
  if (error instanceof QualityGateError) throw error;
  const reason = reasonOf(error);
  const finding: Finding = {
    ruleId: `${tool}/tool-failed`,
    rung,
    file: ".",
    line: 1,
    column: 1,
    symbol: null,
    message: `${tool} could not run: ${reason}. Fix its configuration or installation, then run the gate again.`,
  };
  return { status: "failed", findings: [finding] };
}

/**
 * A tool's failure on one file (a file Prettier cannot parse): that file's finding, with the
 * tool's own first line; the files that did work keep their findings.
 *
 * @param rung - the rung's id
 * @param tool - the tool's name
 * @param file - the file, relative to the repository root
 * @param error - what the tool threw
 * @returns the finding
 * @example
 * ```ts
 * findings.push(fileFailure(1, "prettier", "src/broken.ts", error));
 * ```
 */
export function fileFailure(rung: number, tool: string, file: string, error: unknown): Finding {
  const reason = reasonOf(error);
  return {
    ruleId: `${tool}/tool-failed`,
    rung,
    file,
    line: 1,
    column: 1,
    symbol: null,
    message: `${tool} could not check this file: ${reason}. Fix the file (or tell ${tool} to ignore it), then run the gate again.`,
  };
}

/** An error's first line; "unknown error" for one that says nothing (`new Error()`). */
function reasonOf(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).replace(/\n[\s\S]*/, "");
  return first.trim() === "" ? "unknown error" : first;
}

/**
 * A tool the repository declares or configures but has not installed: the rung fails with one
 * finding that says to install, rather than running another copy of the tool.
 *
 * @param rung - the rung's id
 * @param tool - the tool, as the report names it
 * @returns a failed outcome
 * @example
 * ```ts
 * return notInstalled(1, { name: "prettier", source: "repository" });
 * ```
 */
export function notInstalled(rung: number, tool: ToolUsed): RungOutcome {
  return {
    status: "failed",
    tool,
    findings: [
      {
        ruleId: `${tool.name}/not-installed`,
        rung,
        file: "package.json",
        line: 1,
        column: 1,
        symbol: null,
        message: `The repository uses ${tool.name}, but it is not installed. Run the repository's install (npm install, pnpm install or yarn), then run the gate again.`,
      },
    ],
  };
}
