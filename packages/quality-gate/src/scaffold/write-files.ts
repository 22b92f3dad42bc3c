/**
 * Writes a scaffold all or nothing: every file is written to a staging folder first, then moved
 * into place; if any move fails, the files already moved are taken back, replaced ones restored
 * and the folders created for them removed. A file system that refuses (a read-only folder, a
 * file where a folder should be, a name too long) is a setup problem, said on one line.
 */
import { existsSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describeCause, QualityGateError } from "../errors.js";
import { makeDirectory } from "../fs/make-directory.js";
import { makeTempDir, removeTempDir } from "../fs/temp-dirs.js";

/** One file to put in place. */
export interface PlannedFile {
  /** Where it goes, absolute. */
  readonly path: string;
  /** Its full new text. */
  readonly content: string;
  /** `create` a new file, or `update` one on purpose (a barrel gaining an export). */
  readonly action: "create" | "update";
}

/**
 * Puts every planned file in place, or none.
 *
 * @param root - the repository root; the staging folder lives here, on the same file system
 * @param files - the files
 * @param force - replace files that exist (without it, any existing `create` target refuses all)
 * @returns the paths written, relative to `root`, with `/` separators
 * @throws {@link QualityGateError} `FILE_EXISTS` naming every file that exists, before any write;
 *   `FILE_UNWRITABLE` naming the file or folder the file system refused, after undoing every
 *   write
 * @example
 * ```ts
 * writeAllOrNothing("/repo", [{ path: "/repo/src/a.ts", content: "…", action: "create" }], false);
 * ```
 */
export function writeAllOrNothing(
  root: string,
  files: readonly PlannedFile[],
  force: boolean,
): string[] {
  const rel = (path: string): string => relative(root, path).split(sep).join("/");
  const existing = files.filter((file) => file.action === "create" && existsSync(file.path));
  if (existing.length > 0 && !force) {
    throw new QualityGateError(
      "FILE_EXISTS",
      `Would overwrite ${existing.map((file) => rel(file.path)).join(", ")}; nothing was written. Pass --force to replace them.`,
    );
  }
  // The staging folder is in the repository root: if that cannot be written, nothing can.
  const staging = attempt(`in ${root}`, () => makeTempDir(root, ".quality-gate-new-"));
  try {
    const staged = files.map((file, index) => {
      const path = join(staging, String(index));
      attempt(`in ${root}`, () => {
        writeFileSync(path, file.content);
      });
      return { ...file, staged: path };
    });
    moveIntoPlace(staged, staging, rel);
  } finally {
    removeTempDir(staging);
  }
  return files.map((file) => rel(file.path));
}

interface StagedFile extends PlannedFile {
  readonly staged: string;
}

/** Runs a file-system step; its failure becomes `FILE_UNWRITABLE`, saying what was refused. */
function attempt<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new QualityGateError(
      "FILE_UNWRITABLE",
      `Cannot write ${what} (${describeCause(error)}); nothing was written. Make it writable and rerun.`,
      { cause: error },
    );
  }
}

function moveIntoPlace(
  files: readonly StagedFile[],
  staging: string,
  rel: (path: string) => string,
): void {
  const done: { path: string; backup: string | undefined }[] = [];
  const folders: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      attempt(rel(file.path), () => {
        let backup: string | undefined;
        if (existsSync(file.path)) {
          backup = join(staging, `backup-${String(index)}`);
          writeFileSync(backup, readFileSync(file.path));
        }
        folders.push(...makeDirectory(dirname(file.path)));
        renameSync(file.staged, file.path);
        done.push({ path: file.path, backup });
      });
    }
  } catch (error) {
    for (const { path, backup } of done.reverse()) {
      if (backup === undefined) rmSync(path, { force: true });
      else renameSync(backup, path);
    }
    removeEmptyFolders(folders);
    throw error;
  }
}

/** Removes the folders a failed scaffold created, innermost first; one that is not empty stays. */
function removeEmptyFolders(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (someone else wrote there meanwhile) or already gone: leave it.
    }
  }
}
