/**
 * What changed since the merge base with a ref: `--since REF`. Compares the merge base with the
 * working tree (so uncommitted edits count too) and adds untracked files as wholly new.
 */
import { parseDiff } from "./parse-diff.js";
import type { FileChange } from "./parse-diff.js";
import { GitError, runGit } from "./run-git.js";
import type { GitRunner } from "./run-git.js";

/**
 * The diff the changed lines are read from, whatever the user's git config says: fixed `a/` and
 * `b/` prefixes (not `diff.noprefix` or `diff.mnemonicPrefix`'s `c/` and `w/`), no colour, no
 * external diff tool, no context, and hunks never merged across unchanged lines
 * (`diff.interHunkContext`), so a range is exactly what changed.
 */
const DIFF_OPTIONS = [
  "--relative",
  "--unified=0",
  "--inter-hunk-context=0",
  "--find-renames",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/",
] as const;

/** The changes since a ref's merge base, by path in the working tree. */
export interface ChangeSet {
  /** The merge-base commit the changes are measured from. */
  readonly base: string;
  /** Every changed or added file, by its current path. */
  readonly files: ReadonlyMap<string, FileChange>;
}

/**
 * Computes the changes since the merge base of HEAD and `ref`.
 *
 * @param root - the repository root
 * @param ref - a branch, tag or commit (`origin/main`)
 * @param git - runs git; the real one by default
 * @returns the merge base and the changed files
 * @throws GitError `UNKNOWN_REF` when `ref` names nothing, `NOT_A_GIT_REPOSITORY` outside git
 * @example
 * ```ts
 * const { files } = await changesSince("/repo", "origin/main");
 * files.get("src/a.ts")?.ranges; // [[10, 14]]
 * ```
 */
export async function changesSince(
  root: string,
  ref: string,
  git: GitRunner = runGit,
): Promise<ChangeSet> {
  await resolveRef(root, ref, git);
  const base = (await git(["merge-base", "HEAD", ref], root)).trim();
  const diff = await git(["diff", ...DIFF_OPTIONS, base], root);
  const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z"], root);
  const files = new Map(parseDiff(diff).map((change) => [change.path, change]));
  for (const path of untracked.split("\0").filter((entry) => entry !== "")) {
    files.set(path, {
      path,
      previousPath: path,
      added: true,
      ranges: [[1, Number.MAX_SAFE_INTEGER]],
    });
  }
  return { base, files };
}

async function resolveRef(root: string, ref: string, git: GitRunner): Promise<void> {
  try {
    await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  } catch (error) {
    if (error instanceof GitError && error.code === "NOT_A_GIT_REPOSITORY") throw error;
    throw new GitError(
      "UNKNOWN_REF",
      `--since ${ref}: no branch, tag or commit of that name (fetch it first, e.g. git fetch origin main).`,
    );
  }
}

/**
 * Lists the files staged for commit: added, copied, modified or renamed, not deleted.
 *
 * @param root - the repository root
 * @param git - runs git; the real one by default
 * @returns staged paths relative to `root` (the directory checked), outside it left out
 * @throws GitError `NOT_A_GIT_REPOSITORY` outside git
 * @example
 * ```ts
 * await stagedFiles("/repo"); // ["src/a.ts"]
 * ```
 */
export async function stagedFiles(root: string, git: GitRunner = runGit): Promise<string[]> {
  const output = await git(
    ["diff", "--cached", "--relative", "--name-only", "--diff-filter=ACMR", "-z"],
    root,
  );
  return output.split("\0").filter((path) => path !== "");
}

/**
 * Lists the files whose deletion is staged, for `--staged`: their importers break.
 *
 * @param root - the repository root
 * @param git - runs git; the real one by default
 * @returns deleted paths relative to `root`
 * @throws GitError `NOT_A_GIT_REPOSITORY` outside git
 * @example
 * ```ts
 * await stagedDeletions("/repo"); // ["src/old.ts"]
 * ```
 */
export async function stagedDeletions(root: string, git: GitRunner = runGit): Promise<string[]> {
  const output = await git(
    ["diff", "--cached", "--relative", "--name-only", "--diff-filter=D", "-z"],
    root,
  );
  return output.split("\0").filter((path) => path !== "");
}
