/**
 * Writes a scaffold all or nothing: every file is written to a staging folder first, then moved
 * into place; if any move fails, the files already moved are taken back and replaced ones restored.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { QualityGateError } from "../errors.js";
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
 * @throws {@link QualityGateError} `FILE_EXISTS` naming every file that exists, before any write
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
  const staging = makeTempDir(root, ".quality-gate-new-");
  try {
    const staged = files.map((file, index) => {
      const path = join(staging, String(index));
      writeFileSync(path, file.content);
      return { ...file, staged: path };
    });
    moveIntoPlace(staged, staging);
  } finally {
    removeTempDir(staging);
  }
  return files.map((file) => rel(file.path));
}

interface StagedFile extends PlannedFile {
  readonly staged: string;
}

function moveIntoPlace(files: readonly StagedFile[], staging: string): void {
  const done: { path: string; backup: string | undefined }[] = [];
  try {
    for (const [index, file] of files.entries()) {
      let backup: string | undefined;
      if (existsSync(file.path)) {
        backup = join(staging, `backup-${String(index)}`);
        writeFileSync(backup, readFileSync(file.path));
      }
      makeDirectory(dirname(file.path));
      renameSync(file.staged, file.path);
      done.push({ path: file.path, backup });
    }
  } catch (error) {
    for (const { path, backup } of done.reverse()) {
      if (backup === undefined) rmSync(path, { force: true });
      else renameSync(backup, path);
    }
    throw error;
  }
}
