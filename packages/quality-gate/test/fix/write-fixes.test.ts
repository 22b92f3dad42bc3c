// Writing the fix: never over a file that changed since it was read, nor one git cannot restore.
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFixes } from "../../src/fix/write-fixes.js";
import { GitError } from "../../src/git/run-git.js";
import { createGitRepo } from "../support/git-repo.js";
import type { GitRepo } from "../support/git-repo.js";

let repo: GitRepo;
afterEach(() => {
  repo.remove();
});

describe("writeFixes", () => {
  it("writes atomically keeping the mode, and refuses untracked and changed-meanwhile files", async () => {
    repo = createGitRepo();
    repo.write("a.ts", "a\n");
    repo.write("b.ts", "b\n");
    repo.commit("start");
    chmodSync(join(repo.root, "a.ts"), 0o755);
    repo.git("add", "a.ts");
    repo.write("new.ts", "n\n");
    const result = await writeFixes(
      repo.root,
      [
        { path: join(repo.root, "a.ts"), before: "a\n", after: "A\n" },
        { path: join(repo.root, "b.ts"), before: "old b\n", after: "B\n" },
        { path: join(repo.root, "new.ts"), before: "n\n", after: "N\n" },
      ],
      { force: false },
    );
    expect(result.written).toEqual([join(repo.root, "a.ts")]);
    expect(readFileSync(join(repo.root, "a.ts"), "utf8")).toBe("A\n");
    expect(statSync(join(repo.root, "a.ts")).mode & 0o777).toBe(0o755);
    expect(result.refused).toEqual([
      { path: join(repo.root, "b.ts"), reason: "it changed while the fix ran; run fix again" },
      {
        path: join(repo.root, "new.ts"),
        reason: "it has changes git has not staged (stage or commit them, or pass --force)",
      },
    ]);
  });

  it("passes on git's failures other than a missing repository", async () => {
    repo = createGitRepo();
    const path = join(repo.root, "a.ts");
    writeFileSync(path, "x\n");
    const broken = (): Promise<string> => Promise.reject(new GitError("GIT_FAILED", "boom"));
    await expect(
      writeFixes(repo.root, [{ path, before: "x\n", after: "y\n" }], {
        force: false,
        git: broken,
      }),
    ).rejects.toThrow("boom");
  });
});
