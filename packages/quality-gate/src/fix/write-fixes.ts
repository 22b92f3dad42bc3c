/**
 * Writes `quality-gate fix`'s edits, each file atomically (a reader sees the old text or the
 * new), keeping its mode. Without `--force` a file git cannot give back is not touched: one with
 * unstaged changes, or untracked, since undoing the fix there would take the user's own edits
 * with it; outside a git repository nothing is written. A file that changed on disk since the fix
 * read it is never overwritten.
 */
import { readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { describeCause } from "../errors.js";
import { writeAtomically } from "../fs/write-atomically.js";
import { GitError, runGit } from "../git/run-git.js";
import type { GitRunner } from "../git/run-git.js";
import type { FileEdit } from "./plan-fixes.js";

/** What was written and what was not. */
export interface WriteResult {
  /** The files written, absolute. */
  readonly written: readonly string[];
  /** The files left as they were, each with the reason. */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Writes the edits.
 *
 * @param root - the repository root
 * @param edits - the planned edits
 * @param options - `force` writes files with unstaged changes too; `git` runs git
 * @returns the files written and those refused
 * @throws GitError `NOT_A_GIT_REPOSITORY` without `force` outside a git repository, before
 *   anything is written
 * @example
 * ```ts
 * const { refused } = await writeFixes(root, plan.edits, { force: false });
 * ```
 */
export async function writeFixes(
  root: string,
  edits: readonly FileEdit[],
  options: { readonly force: boolean; readonly git?: GitRunner | undefined },
): Promise<WriteResult> {
  const dirty =
    options.force || edits.length === 0
      ? new Set<string>()
      : await unsaved(root, options.git ?? runGit);
  const written: string[] = [];
  const refused: { path: string; reason: string }[] = [];
  for (const edit of edits) {
    const reason = refusal(root, edit, dirty) ?? write(edit);
    if (reason === undefined) written.push(edit.path);
    else refused.push({ path: edit.path, reason });
  }
  return { written, refused };
}

function refusal(root: string, edit: FileEdit, dirty: ReadonlySet<string>): string | undefined {
  if (dirty.has(relative(root, edit.path).split(sep).join("/"))) {
    return "it has changes git has not staged (stage or commit them, or pass --force)";
  }
  return readFileSync(edit.path, "utf8") === edit.before
    ? undefined
    : "it changed while the fix ran; run fix again";
}

function write(edit: FileEdit): string | undefined {
  try {
    writeAtomically(edit.path, edit.after, statSync(edit.path).mode & 0o777);
    return undefined;
  } catch (error) {
    return `it cannot be written (${describeCause(error)})`;
  }
}

/** Files, relative to the root, whose working-tree text git could not give back. */
async function unsaved(root: string, git: GitRunner): Promise<Set<string>> {
  try {
    const changed = await git(["diff", "--relative", "--name-only", "-z"], root);
    const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z"], root);
    return new Set(
      `${changed}\0${untracked}`
        .split("\0")
        .filter((path) => path !== "")
        .map((path) => resolve(root, path))
        .map((path) => relative(root, path).split(sep).join("/")),
    );
  } catch (error) {
    if (error instanceof GitError && error.code === "NOT_A_GIT_REPOSITORY") {
      throw new GitError(
        "NOT_A_GIT_REPOSITORY",
        `${root} is not in a git repository, so git could not undo the fix; pass --force to write anyway (or --dry-run to see the diff).`,
      );
    }
    throw error;
  }
}
