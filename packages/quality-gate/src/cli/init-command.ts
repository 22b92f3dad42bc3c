/** `quality-gate init [dir]`: add the ladder to a repository. */
import { resolve } from "node:path";
import { initRepository } from "../init/init-repo.js";
import type { CliIo } from "./io.js";

/** `init`'s options. */
export interface InitFlags {
  /** `--from`: the tarball, folder or spec to add the gate from. */
  readonly from?: string;
}

/**
 * Runs `init` and prints, per file, whether it was created, updated or kept, then what to run.
 *
 * @param dir - the repository, relative to the working directory
 * @param flags - `--from`
 * @param io - working directory and streams
 * @returns 0, once the files are written
 * @example
 * ```ts
 * await initCommand(".", { from: "./ladder-quality-gate-0.1.0.tgz" }, io);
 * ```
 */
export async function initCommand(dir: string, flags: InitFlags, io: CliIo): Promise<number> {
  const result = await initRepository(resolve(io.cwd, dir), { cwd: io.cwd, from: flags.from });
  for (const step of result.steps) {
    const detail = step.detail === "" ? "" : ` (${step.detail})`;
    io.stdout.write(`${step.outcome.padEnd(8)} ${step.path}${detail}\n`);
  }
  io.stdout.write(`Next: ${result.next}\n`);
  return 0;
}
