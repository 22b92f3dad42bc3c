// --since and --staged read paths exactly, whatever the names and whatever the user's git
// config: non-ASCII, spaces, quotes and tabs in names; diff.mnemonicPrefix, diff.noprefix,
// color.ui=always, core.quotePath, diff.interHunkContext, an external diff, GIT_DIFF_OPTS. Once,
// a non-ASCII name came back octal-quoted and a mnemonic prefix stayed on every path, so those
// files silently dropped out of scope.
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { changesSince, stagedDeletions, stagedFiles } from "../../src/git/changes-since.js";
import { createGitRepo } from "../support/git-repo.js";
import type { GitRepo } from "../support/git-repo.js";

const NAMES = [
  'src/q"😀.ts',
  "src/ünïcödé.ts",
  "src/with space.ts",
  'src/q"uote.ts',
  "src/tab\there.ts",
  "src/日本.ts",
];
const TEN_LINES = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
const EDITED = "a\nB\nc\nd\ne\nf\ng\nh\nI\nj\n";

const HOSTILE: readonly (readonly [string, string])[] = [
  ["diff.mnemonicPrefix", "true"],
  ["diff.noprefix", "true"],
  ["color.ui", "always"],
  ["color.diff", "always"],
  ["core.quotePath", "true"],
  ["diff.interHunkContext", "10"],
  ["diff.renames", "false"],
  ["status.relativePaths", "false"],
];

let repo: GitRepo;

beforeEach(() => {
  repo = createGitRepo();
  for (const name of NAMES) repo.write(name, TEN_LINES);
  repo.write("src/gone.ts", TEN_LINES);
  repo.commit("base");
  repo.git("checkout", "--quiet", "-b", "feature");
  const external = join(repo.root, ".git", "external-diff.sh");
  writeFileSync(external, "#!/bin/sh\necho 'diff --git a/x b/x'\n");
  chmodSync(external, 0o755);
  for (const [key, value] of [...HOSTILE, ["diff.external", external] as const]) {
    repo.git("config", key, value);
  }
  vi.stubEnv("GIT_DIFF_OPTS", "--unified=5");
  vi.stubEnv("GIT_EXTERNAL_DIFF", external);
});
afterEach(() => {
  vi.unstubAllEnvs();
  repo.remove();
});

describe("changesSince with odd names and a hostile git config", () => {
  it("reads each edited file by its exact path, with exactly its changed lines", async () => {
    for (const name of NAMES) repo.write(name, EDITED);
    repo.commit("edit");
    const { files } = await changesSince(repo.root, "main");
    expect([...files.keys()].sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(files.get(name)).toEqual({
        path: name,
        previousPath: name,
        added: false,
        ranges: [
          [2, 2],
          [9, 9],
        ],
      });
    }
  });

  it("reads new, renamed, empty and untracked files with odd names", async () => {
    repo.write("src/nëw file.ts", "x\n");
    repo.write("src/émpty b/x.ts", "");
    repo.git("mv", "src/ünïcödé.ts", "src/rënamed one.ts");
    repo.commit("add and move");
    repo.write('src/üntracked "two".ts', "y\n");
    const { files } = await changesSince(repo.root, "main");
    expect(files.get("src/nëw file.ts")).toMatchObject({ added: true, ranges: [[1, 1]] });
    expect(files.get("src/émpty b/x.ts")).toMatchObject({ added: true, ranges: [] });
    expect(files.get("src/rënamed one.ts")).toMatchObject({
      previousPath: "src/ünïcödé.ts",
      ranges: [],
    });
    expect(files.get('src/üntracked "two".ts')).toMatchObject({ added: true });
    expect(files.has("src/ünïcödé.ts")).toBe(false);
  });
});

describe("stagedFiles and stagedDeletions with odd names", () => {
  it("lists staged odd names exactly, and staged deletions apart", async () => {
    for (const name of NAMES) repo.write(name, EDITED);
    repo.git("add", "--all");
    repo.git("rm", "--quiet", "src/gone.ts");
    expect((await stagedFiles(repo.root)).sort()).toEqual([...NAMES].sort());
    expect(await stagedDeletions(repo.root)).toEqual(["src/gone.ts"]);
  });
});
