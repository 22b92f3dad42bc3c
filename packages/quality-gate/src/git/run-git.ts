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
 * Settings that keep git's output the same whatever the user's config says: paths with non-ASCII
 * characters as they are, not octal-quoted (`core.quotePath`), no colour codes (`color.ui=always`),
 * and diff prefixes `a/` and `b/` (`diff.noprefix`, `diff.mnemonicPrefix`).
 */
const STEADY_CONFIG = [
  ...["-c", "core.quotePath=false"],
  ...["-c", "color.ui=never"],
  ...["-c", "diff.noprefix=false"],
  ...["-c", "diff.mnemonicPrefix=false"],
] as const;

/**
 * The environment git runs in: the caller's, with English messages (the runner recognises "not a
 * git repository") and without the variables that change a diff behind its options
 * (`GIT_DIFF_OPTS` overrides `--unified`; `GIT_EXTERNAL_DIFF` runs another program).
 */
function steadyEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const steady: NodeJS.ProcessEnv = { ...env, LC_ALL: "C" };
  delete steady.GIT_DIFF_OPTS;
  delete steady.GIT_EXTERNAL_DIFF;
  return steady;
}

/**
 * The default runner: `git` through `execFile`, with output up to 256 MiB, with settings that
 * keep its output the same whatever the user's git config or environment says.
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
      [...STEADY_CONFIG, ...args],
      { cwd, maxBuffer: 1 << 28, encoding: "utf8", env: steadyEnvironment(process.env) },
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
