// Runs the real bin (built dist) in its own process, for what only a process shows: the exit
// code Node ends with, what reaches stderr, and what the file system refuses.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));

/** What a run of the bin printed and how it ended. */
export interface BinRun {
  /** The exit code, `null` when a signal or the timeout ended it. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Whether a process started by {@link runBin} with `honourPermissions` is refused where the
 * permission bits forbid: always for a user other than root; for root (CI runs as root, who may
 * write anywhere) only where `setpriv` (util-linux) can start it without the capabilities that
 * override them.
 */
export const canHonourPermissions: boolean =
  process.getuid?.() !== 0 ||
  spawnSync("setpriv", ["--bounding-set=-dac_override", "true"]).status === 0;

/**
 * Runs `quality-gate <args>` through bin/quality-gate.js.
 *
 * @param args - the arguments
 * @param cwd - the working directory
 * @param options - `honourPermissions`: run without the power to override file permissions (as
 *   root: without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so a folder made read-only is
 *   read-only to the run; `timeout`: kill it after this many milliseconds (a hang guard)
 * @returns the exit code and output
 */
export function runBin(
  args: readonly string[],
  cwd: string,
  options: { readonly honourPermissions?: boolean; readonly timeout?: number } = {},
): BinRun {
  const asRoot = options.honourPermissions === true && process.getuid?.() === 0;
  const [command, ...prefix] = asRoot
    ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
    : [];
  const run = spawnSync(
    command ?? process.execPath,
    [...prefix, ...(asRoot ? [process.execPath] : []), BIN, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "" },
      timeout: options.timeout ?? 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
