/** A rung whose tool is missing or broken reports that as a finding; the gate does not crash. */
import type { Finding, RungOutcome } from "../ladder/finding.js";

/**
 * Turns an exception from a tool into a failed rung with one finding.
 *
 * @param rung - the rung's id
 * @param tool - the tool's name, for the rule id and the message (`eslint`, `vitest`)
 * @param error - what the tool threw
 * @returns a failed outcome naming the tool and its error
 * @example
 * ```ts
 * return toolFailure(2, "eslint", error);
 * ```
 */
export function toolFailure(rung: number, tool: string, error: unknown): RungOutcome {
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const finding: Finding = {
    ruleId: `${tool}/tool-failed`,
    rung,
    file: ".",
    line: 1,
    column: 1,
    symbol: null,
    message: `${tool} could not run: ${reason ?? "unknown error"}. Fix its configuration or installation, then run the gate again.`,
  };
  return { status: "failed", findings: [finding] };
}
