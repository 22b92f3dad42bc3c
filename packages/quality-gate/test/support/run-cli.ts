// Runs the CLI in-process with captured streams, as the bin would.
import { main } from "../../src/cli/main.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `quality-gate <args>` in-process.
 *
 * @param args - the arguments
 * @param cwd - the working directory
 * @param env - extra environment variables (the run always has `NO_COLOR=1`)
 * @returns the exit code and the captured output
 */
export async function runCli(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}
