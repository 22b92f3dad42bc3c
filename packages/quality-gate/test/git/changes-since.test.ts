// --since and --staged against real throwaway repositories.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changesSince, stagedFiles } from "../../src/git/changes-since.js";
import { GitError } from "../../src/git/run-git.js";
import { createGitRepo } from "../support/git-repo.js";
import type { GitRepo } from "../support/git-repo.js";

let repo: GitRepo;

beforeEach(() => {
  repo = createGitRepo();
  repo.write("src/kept.ts", "export const a = 1;\nexport const b = 2;\n");
  repo.write("src/moved.ts", "export const moved = 1;\n");
  repo.commit("base");
  repo.git("checkout", "--quiet", "-b", "feature");
});
afterEach(() => {
  repo.remove();
});

describe("changesSince", () => {
  it("reports edited lines, committed or not, new files and untracked files; not pure moves", async () => {
    repo.write("src/kept.ts", "export const a = 1;\nexport const b = 3;\n");
    repo.git("mv", "src/moved.ts", "src/renamed.ts");
    repo.write("src/added.ts", "export const c = 1;\n");
    repo.commit("feature work");
    repo.write("src/untracked.ts", "export const d = 1;\n");
    const { base, files } = await changesSince(repo.root, "main");
    expect(base).toBe(repo.git("rev-parse", "main").trim());
    expect(files.get("src/kept.ts")?.ranges).toEqual([[2, 2]]);
    expect(files.get("src/renamed.ts")).toMatchObject({
      previousPath: "src/moved.ts",
      ranges: [],
    });
    expect(files.get("src/added.ts")).toMatchObject({ added: true, ranges: [[1, 1]] });
    expect(files.get("src/untracked.ts")?.added).toBe(true);
    expect(files.has("src/moved.ts")).toBe(false);
  });

  it("refuses a ref that names nothing, with a one-line fix", async () => {
    const error = await changesSince(repo.root, "origin/nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toMatchObject({ code: "UNKNOWN_REF" });
    expect((error as Error).message).toMatch(/^--since origin\/nope: no branch, tag or commit/);
  });

  it("refuses a directory outside any git repository", async () => {
    const outside = mkdtempSync(join(tmpdir(), "qg-nogit-"));
    try {
      await expect(changesSince(outside, "main")).rejects.toMatchObject({
        code: "NOT_A_GIT_REPOSITORY",
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("stagedFiles", () => {
  it("lists staged additions and edits, not unstaged ones or deletions", async () => {
    repo.write("src/kept.ts", "export const a = 10;\n");
    repo.write("src/new.ts", "export const n = 1;\n");
    repo.write("src/unstaged.ts", "export const u = 1;\n");
    repo.git("add", "src/kept.ts", "src/new.ts");
    repo.git("rm", "--quiet", "src/moved.ts");
    expect((await stagedFiles(repo.root)).sort()).toEqual(["src/kept.ts", "src/new.ts"]);
  });
});
