/** Whether reports are painted: the `NO_COLOR` and `FORCE_COLOR` conventions, then the TTY. */
import type { CliIo } from "./io.js";

/**
 * Decides whether the report on stdout gets colour.
 *
 * `NO_COLOR` (any non-empty value, no-color.org) wins; `FORCE_COLOR=0` or `false` turns colour
 * off and any other `FORCE_COLOR` value turns it on (the Node and chalk convention); otherwise
 * colour follows whether stdout is a TTY.
 *
 * @param io - the CLI's environment and stdout
 * @returns `true` to paint the report
 * @example
 * ```ts
 * wantsColor({ ...io, env: { FORCE_COLOR: "0" } }); // false, even on a TTY
 * ```
 */
export function wantsColor(io: Pick<CliIo, "env" | "stdout">): boolean {
  const { NO_COLOR: noColor, FORCE_COLOR: force } = io.env;
  if (noColor !== undefined && noColor !== "") return false;
  if (force !== undefined) return force !== "0" && force !== "false";
  return io.stdout.isTTY === true;
}
