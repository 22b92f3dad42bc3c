/**
 * `quality-gate fix --dry-run`'s output: each edit as a git-style unified diff (`a/` and `b/`
 * paths relative to the repository root), which `git apply` takes as it is. Written by the `diff`
 * package, which handles the edge cases (no newline at end of file, empty files) a hand-written
 * diff gets wrong.
 */
import { relative, sep } from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { FileEdit } from "./plan-fixes.js";

/**
 * Renders edits as one unified diff.
 *
 * @param root - the repository root, for the paths
 * @param edits - the edits
 * @returns the diff; empty when there are no edits
 * @example
 * ```ts
 * io.stdout.write(unifiedDiff(root, plan.edits));
 * ```
 */
export function unifiedDiff(root: string, edits: readonly FileEdit[]): string {
  return edits
    .map((edit) => {
      const path = relative(root, edit.path).split(sep).join("/");
      return createTwoFilesPatch(
        `a/${path}`,
        `b/${path}`,
        edit.before,
        edit.after,
        undefined,
        undefined,
        {
          headerOptions: FILE_HEADERS_ONLY,
        },
      );
    })
    .join("");
}
