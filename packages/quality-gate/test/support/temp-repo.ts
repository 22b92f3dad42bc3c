// Throwaway repositories on disk, for the commands that write files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

/**
 * Creates a repository (a folder with `.git`) holding the given files.
 *
 * @param files - paths relative to the root, and their text
 * @returns the root
 */
export function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "quality-gate-repo-"));
  mkdirSync(join(root, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * Every file under a folder (but `.git`) with its text, and every folder (as `path/` → `""`, so
 * an empty folder left behind shows), to compare before and after a command.
 *
 * @param root - the folder
 * @returns relative path → text
 */
export function snapshot(root: string): Record<string, string> {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => ({ entry, path: relative(root, join(entry.parentPath, entry.name)) }))
    .filter(({ path }) => path !== ".git" && !path.startsWith(".git/"))
    .sort((a, b) => a.path.localeCompare(b.path));
  return Object.fromEntries(
    entries.flatMap(({ entry, path }): [string, string][] => {
      if (entry.isDirectory()) return [[`${path}/`, ""]];
      return entry.isFile() ? [[path, readFileSync(join(root, path), "utf8")]] : [];
    }),
  );
}
