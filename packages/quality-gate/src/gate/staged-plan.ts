/**
 * `--staged`, for lint-staged and pre-commit hooks. TypeScript cannot check one file alone
 * (TypeScript#27379; `tsc-files` loses ambient types), so the full Program is built from the
 * tsconfig, with the staged version of each staged file (what will be committed, not the working
 * tree's unstaged edits), and only the diagnostics in staged files and in files importing them
 * (or importing a file whose deletion is staged) are kept: an importer a staged change breaks is
 * reported, an unrelated file's old error is not.
 */
import { resolve } from "node:path";
import { stagedDeletions, stagedFiles } from "../git/changes-since.js";
import type { GitRunner } from "../git/run-git.js";
import { stagedScope } from "../git/staged-scope.js";
import { createPrograms } from "../ladder/create-program.js";
import type { ProjectProgram } from "../ladder/create-program.js";
import type { Project } from "../project/discover-project.js";

/** What `--staged` found before the climb. */
export interface StagedPlan {
  /** The staged files and their importers, absolute. */
  readonly scope: ReadonlySet<string>;
  /** The Programs, built with the staged texts, for the ladder to share. */
  readonly programs: readonly ProjectProgram[];
}

/**
 * Reads the staged files from the index and builds the Programs and the scope.
 *
 * @param project - the repository checked
 * @param git - runs git
 * @returns the scope and the Programs
 * @throws GitError `NOT_A_GIT_REPOSITORY` outside git
 * @example
 * ```ts
 * const { scope } = await planStaged(discoverProject("/repo"), runGit);
 * ```
 */
export async function planStaged(project: Project, git: GitRunner): Promise<StagedPlan> {
  const { root } = project;
  const staged = await stagedFiles(root, git);
  const contents = new Map<string, string>();
  for (const path of staged) {
    contents.set(resolve(root, path), await git(["show", `:./${path}`], root));
  }
  const deleted = (await stagedDeletions(root, git)).map((path) => resolve(root, path));
  const programs = createPrograms(project.tsconfigs, contents);
  const scope = new Set<string>();
  for (const { program } of programs) {
    for (const file of stagedScope(program, [...contents.keys()], deleted)) scope.add(file);
  }
  return { scope, programs };
}
