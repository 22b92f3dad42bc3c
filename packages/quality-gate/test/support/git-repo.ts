// Throwaway git repositories for tests, as lint-staged's integration tests build them.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary git repository with helpers to write files and run git. */
export interface GitRepo {
  /** The repository's root. */
  readonly root: string;
  /** Writes a file (creating folders). */
  write(path: string, text: string): void;
  /** Runs git and returns its output. */
  git(...args: string[]): string;
  /** Stages everything and commits. */
  commit(message: string): void;
  /** Deletes the repository. */
  remove(): void;
}

/**
 * Creates an empty repository on branch `main` with a committer identity.
 *
 * @returns the repository
 */
export function createGitRepo(): GitRepo {
  const root = mkdtempSync(join(tmpdir(), "qg-git-"));
  const git = (...args: string[]): string =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
    });
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "Test");
  git("config", "commit.gpgsign", "false");
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    git,
    commit(message) {
      git("add", "--all");
      git("commit", "--quiet", "--no-verify", "-m", message);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
