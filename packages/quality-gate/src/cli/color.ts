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

/**
 * Applies `--color` / `--no-color` (the last one given wins) over the environment, as
 * `FORCE_COLOR=1` or `NO_COLOR=1`, so the flag beats whatever the shell exported.
 *
 * @param argv - the arguments after `quality-gate`
 * @param io - the CLI's surroundings
 * @returns the same surroundings, with the environment the flag asks for
 * @example
 * ```ts
 * applyColorFlag(["check", "--no-color"], io).env.NO_COLOR; // "1"
 * ```
 */
export function applyColorFlag<T extends Pick<CliIo, "env">>(argv: readonly string[], io: T): T {
  const flag = argv.findLast((arg) => arg === "--color" || arg === "--no-color");
  if (flag === undefined) return io;
  const env =
    flag === "--color"
      ? { ...io.env, NO_COLOR: undefined, FORCE_COLOR: "1" }
      : { ...io.env, NO_COLOR: "1", FORCE_COLOR: undefined };
  return { ...io, env };
}
