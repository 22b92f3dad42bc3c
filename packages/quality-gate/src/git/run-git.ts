/**
 * Runs git for `--since` and `--staged`. Commands are argument arrays (never a shell string), and
 * the runner is injectable so tests and callers control the process boundary.
 */
import { execFile } from "node:child_process";
import { QualityGateError } from "../errors.js";

/** Runs `git <args>` in a directory and resolves with its standard output. */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<string>;

/** Why git could not answer: a stable code the CLI maps to a one-line message and exit 2. */
export type GitErrorCode = "NOT_A_GIT_REPOSITORY" | "UNKNOWN_REF" | "GIT_FAILED";

/** A git problem that stops `--since` or `--staged`; never a finding. */
export class GitError extends QualityGateError<GitErrorCode> {
  /**
   * Creates the error.
   *
   * @param code - what went wrong
   * @param message - one line naming the problem and the fix
   * @example
   * ```ts
   * throw new GitError("UNKNOWN_REF", "origin/mian is not a branch, tag or commit.");
   * ```
   */
  constructor(code: GitErrorCode, message: string) {
    super(code, message);
    this.name = "GitError";
  }
}

/**
 * The default runner: `git` through `execFile`, with output up to 256 MiB.
 *
 * @param args - git's arguments
 * @param cwd - where to run it
 * @returns git's standard output
 * @throws GitError with `NOT_A_GIT_REPOSITORY` outside a repository, `GIT_FAILED` otherwise
 * @example
 * ```ts
 * const head = await runGit(["rev-parse", "HEAD"], "/repo");
 * ```
 */
export function runGit(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...args],
      { cwd, maxBuffer: 1 << 28, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const notRepository = /not a git repository/i.test(stderr);
        const code = notRepository ? "NOT_A_GIT_REPOSITORY" : "GIT_FAILED";
        const message = notRepository
          ? `${cwd} is not inside a git repository; --since and --staged need one (run git init, or drop the flag).`
          : `git ${args.join(" ")} failed: ${stderr.trim().split("\n")[0] ?? error.message}`;
        reject(new GitError(code, message));
      },
    );
  });
}
