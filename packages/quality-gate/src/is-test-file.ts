/**
 * What counts as a test file, wherever the gate leaves tests out (rung 5's scan, public API
 * collection): a file under a `test`, `tests` or `__tests__` directory, or named `*.test.*` or
 * `*.spec.*`.
 */
import { relative, sep } from "node:path";

const TEST_DIRECTORIES = new Set(["test", "tests", "__tests__"]);
const TEST_NAME = /\.(test|spec)\.[^/\\]+$/;

/**
 * Tells whether a file is a test file.
 *
 * @param file - the file, absolute
 * @param root - the repository root: only directories below it count (a repository checked out
 *   under a folder named `test` is not all tests)
 * @returns `true` for a test file
 * @example
 * ```ts
 * isTestFile("/repo/src/cache.test.ts", "/repo"); // true
 * isTestFile("/repo/source/cache.ts", "/repo"); // false
 * ```
 */
export function isTestFile(file: string, root: string): boolean {
  const parts = relative(root, file).split(sep);
  if (TEST_NAME.test(parts.at(-1) ?? "")) return true;
  return parts.slice(0, -1).some((part) => TEST_DIRECTORIES.has(part));
}
