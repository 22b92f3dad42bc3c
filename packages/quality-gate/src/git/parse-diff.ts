/**
 * Reads `git diff --unified=0 --find-renames` output into the lines each file gained or changed,
 * numbered as in the new version of the file. A renamed file with no edits gains nothing. Paths
 * are read exactly, as git writes them with the gate's fixed options (`a/` and `b/` prefixes,
 * `core.quotePath=false`): spaces and non-ASCII as they are, anything else C-quoted.
 */
import { unquotePath } from "./unquote-path.js";

/** The changed lines of one file in its new version. */
export interface FileChange {
  /** The path in the new version, relative to the repository root, with `/` separators. */
  readonly path: string;
  /** The path before, when git saw a rename or copy; otherwise the same as `path`. */
  readonly previousPath: string;
  /** Whether the file did not exist before. */
  readonly added: boolean;
  /** 1-based, inclusive line ranges that were added or changed. */
  readonly ranges: readonly (readonly [number, number])[];
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a unified diff with zero lines of context.
 *
 * @param diff - the output of `git diff --unified=0 --find-renames --no-color
 *   --src-prefix=a/ --dst-prefix=b/` with `core.quotePath=false`
 * @returns one entry per file that exists in the new version
 * @example
 * ```ts
 * parseDiff("diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -3 +3,2 @@\n");
 * // [{ path: "x.ts", previousPath: "x.ts", added: false, ranges: [[3, 4]] }]
 * ```
 */
export function parseDiff(diff: string): FileChange[] {
  const files: FileChange[] = [];
  for (const section of diff.split(/^diff --git /m).slice(1)) {
    const change = parseSection(section);
    if (change !== undefined) files.push(change);
  }
  return files;
}

function parseSection(section: string): FileChange | undefined {
  const lines = section.split("\n");
  const firstHunk = lines.findIndex((line) => line.startsWith("@@"));
  // Only the lines before the first hunk are headers: a hunk's "+++ x" is an added "++ x".
  const header = firstHunk < 0 ? lines : lines.slice(0, firstHunk);
  const newPath = sidePath(header, "+++ ", "b/");
  if (newPath === null) return undefined;
  const renamedTo = valueAfter(header, "rename to ") ?? valueAfter(header, "copy to ");
  const path = newPath ?? renamedTo ?? headerPath(header[0] ?? "");
  const previous = valueAfter(header, "rename from ") ?? valueAfter(header, "copy from ");
  return {
    path,
    previousPath: previous ?? path,
    added: header.some((line) => line.startsWith("new file mode")),
    ranges: firstHunk < 0 ? [] : hunkRanges(lines.slice(firstHunk)),
  };
}

/** The new-side line ranges of the hunks; a pure deletion (`+n,0`) adds none. */
function hunkRanges(lines: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const line of lines) {
    const hunk = HUNK.exec(line);
    if (hunk === null) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}

/**
 * The path of a `---` / `+++` line without its side's prefix; `null` for `/dev/null` (the file
 * does not exist on that side), `undefined` when the section has no such line.
 */
function sidePath(
  header: readonly string[],
  marker: string,
  prefix: string,
): string | null | undefined {
  const line = header.find((candidate) => candidate.startsWith(marker));
  if (line === undefined) return undefined;
  const value = line.slice(marker.length);
  if (value === "/dev/null") return null;
  // Git ends the line with a tab when an unquoted name holds a space (for GNU patch).
  const { path } = value.startsWith('"')
    ? unquotePath(value)
    : { path: value.replace(/\t$/, "") };
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

function valueAfter(header: readonly string[], prefix: string): string | undefined {
  const line = header.find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : unquotePath(line.slice(prefix.length)).path;
}

/**
 * The new path from `a/x.ts b/x.ts`, for sections without `+++` (an empty new file, a mode
 * change, a binary file). Unquoted, both halves are the same path (renames name theirs in
 * `rename to`), so the split is where the halves match, even when the path holds ` b/`.
 */
function headerPath(header: string): string {
  if (header.startsWith('"')) {
    const { rest } = unquotePath(header);
    return unquotePath(rest.trimStart()).path.replace(/^b\//, "");
  }
  const length = (header.length - " b/".length - "a/".length) / 2;
  const half = header.slice("a/".length, "a/".length + length);
  if (Number.isInteger(length) && header.endsWith(` b/${half}`)) return half;
  return header.slice(header.lastIndexOf(" b/") + " b/".length);
}

/**
 * Tells whether a line range touches any changed range of a file.
 *
 * @param change - the file's changes (or `undefined` when the file did not change)
 * @param from - first line, 1-based
 * @param to - last line, inclusive
 * @returns `true` when the ranges overlap
 * @example
 * ```ts
 * overlaps({ path: "x.ts", previousPath: "x.ts", added: false, ranges: [[3, 4]] }, 1, 3); // true
 * ```
 */
export function overlaps(change: FileChange | undefined, from: number, to: number): boolean {
  if (change === undefined) return false;
  return change.ranges.some(([start, end]) => start <= to && from <= end);
}
