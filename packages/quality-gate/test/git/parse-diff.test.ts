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
      { path: "src/new.ts", previousPath: "/dev/null", added: true, ranges: [[1, 4]] },
      { path: "src/new-name.ts", previousPath: "src/old-name.ts", added: false, ranges: [] },
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
