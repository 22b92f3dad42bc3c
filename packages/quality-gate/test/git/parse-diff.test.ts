import { describe, expect, it } from "vitest";
import { overlaps, parseDiff } from "../../src/git/parse-diff.js";

const diff = [
  "diff --git a/src/edited.ts b/src/edited.ts",
  "index 1..2 100644",
  "--- a/src/edited.ts",
  "+++ b/src/edited.ts",
  "@@ -3 +3,2 @@",
  "-old",
  "+new",
  "+newer",
  "@@ -10,2 +11,0 @@",
  "-gone",
  "-gone",
  "@@ -20 +19 @@",
  "-x",
  "+y",
  "diff --git a/src/new.ts b/src/new.ts",
  "new file mode 100644",
  "--- /dev/null",
  "+++ b/src/new.ts",
  "@@ -0,0 +1,4 @@",
  "+a",
  "diff --git a/src/removed.ts b/src/removed.ts",
  "deleted file mode 100644",
  "--- a/src/removed.ts",
  "+++ /dev/null",
  "@@ -1 +0,0 @@",
  "-a",
  "diff --git a/src/old-name.ts b/src/new-name.ts",
  "similarity index 100%",
  "rename from src/old-name.ts",
  "rename to src/new-name.ts",
  "",
].join("\n");

describe("parseDiff", () => {
  it("reads changed ranges in new-file line numbers, skipping pure deletions", () => {
    expect(parseDiff(diff)).toEqual([
      {
        path: "src/edited.ts",
        previousPath: "src/edited.ts",
        added: false,
        ranges: [
          [3, 4],
          [19, 19],
        ],
      },
      // A new file's previous path is its own (as documented), not git's /dev/null.
      { path: "src/new.ts", previousPath: "src/new.ts", added: true, ranges: [[1, 4]] },
      { path: "src/new-name.ts", previousPath: "src/old-name.ts", added: false, ranges: [] },
    ]);
  });

  it("reads quoted, spaced and prefix-like paths exactly, and no header from a hunk", () => {
    const odd = [
      'diff --git "a/src/tab\\there.ts" "b/src/tab\\there.ts"',
      '--- "a/src/tab\\there.ts"',
      '+++ "b/src/tab\\there.ts"',
      "@@ -1 +1 @@",
      "-old",
      "+++ an added line that looks like a header",
      "diff --git a/src/with space.ts b/src/with space.ts",
      "--- a/src/with space.ts\t",
      "+++ b/src/with space.ts\t",
      "@@ -2 +2 @@",
      "diff --git a/src/x b/y.ts b/src/x b/y.ts",
      "new file mode 100644",
      "index 0000000..e69de29",
      'diff --git "a/src/\\303\\274.ts" "b/src/r\\303\\253.ts"',
      "similarity index 100%",
      'rename from "src/\\303\\274.ts"',
      'rename to "src/r\\303\\253.ts"',
      "",
    ].join("\n");
    expect(parseDiff(odd)).toEqual([
      {
        path: "src/tab\there.ts",
        previousPath: "src/tab\there.ts",
        added: false,
        ranges: [[1, 1]],
      },
      {
        path: "src/with space.ts",
        previousPath: "src/with space.ts",
        added: false,
        ranges: [[2, 2]],
      },
      { path: "src/x b/y.ts", previousPath: "src/x b/y.ts", added: true, ranges: [] },
      { path: "src/rë.ts", previousPath: "src/ü.ts", added: false, ranges: [] },
    ]);
  });

  it("tells whether a line range touches a change", () => {
    const [edited] = parseDiff(diff);
    expect(overlaps(edited, 1, 2)).toBe(false);
    expect(overlaps(edited, 1, 3)).toBe(true);
    expect(overlaps(edited, 18, 30)).toBe(true);
    expect(overlaps(undefined, 1, 100)).toBe(false);
  });
});
