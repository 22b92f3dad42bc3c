/** Paths in reports: relative to the repository root, with `/` separators on every platform. */
import { relative, sep } from "node:path";

/**
 * Makes an absolute path relative to the repository root.
 *
 * @param root - the repository root
 * @param path - an absolute path inside it
 * @returns the relative path with `/` separators
 * @example
 * ```ts
 * relativePath("/repo", "/repo/src/a.ts"); // "src/a.ts"
 * ```
 */
export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}
