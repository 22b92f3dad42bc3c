/**
 * Reads `git diff --unified=0 --find-renames` output into the lines each file gained or changed,
 * numbered as in the new version of the file. A renamed file with no edits gains nothing.
 */

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
 * @param diff - the output of `git diff --unified=0 --find-renames --no-color`
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
  const newPath = pathAfter(lines, "+++ ");
  if (newPath === "/dev/null") return undefined;
  const renamedTo = valueAfter(lines, "rename to ") ?? valueAfter(lines, "copy to ");
  const path = newPath ?? renamedTo ?? headerPath(lines[0] ?? "");
  const previous = valueAfter(lines, "rename from ") ?? valueAfter(lines, "copy from ");
  return {
    path,
    previousPath: previous ?? pathAfter(lines, "--- ") ?? path,
    added: lines.some((line) => line.startsWith("new file mode")),
    ranges: hunkRanges(lines),
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

function pathAfter(lines: readonly string[], prefix: string): string | undefined {
  const value = valueAfter(lines, prefix);
  if (value === undefined || value === "/dev/null") return value;
  return value.replace(/^[ab]\//, "");
}

function valueAfter(lines: readonly string[], prefix: string): string | undefined {
  const line = lines.find((candidate) => candidate.startsWith(prefix));
  return line?.slice(prefix.length).replace(/\t.*$/, "");
}

/** `a/x.ts b/x.ts` → `x.ts`, for sections without `+++` (pure renames, mode changes). */
function headerPath(header: string): string {
  return header.slice(header.indexOf(" b/") + 3);
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
