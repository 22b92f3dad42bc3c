/**
 * Expands the paths a tool is given into files, as the tool's own command line would: a file is
 * itself, a folder is every file below it with one of the tool's extensions, a glob is what it
 * matches (`**` and all). `node_modules` and version-control folders are never entered.
 */
import { statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { globSync } from "../glob-sync.js";

const NEVER = [
  "**/node_modules/**",
  "**/.git/**",
  "**/.hg/**",
  "**/.svn/**",
  "**/.jj/**",
  "**/.sl/**",
];

/**
 * Lists the files some paths name.
 *
 * @param root - the folder the paths are relative to
 * @param paths - files, folders or globs
 * @param extensions - the extensions a folder or glob contributes (`.ts`, `.json`), without which
 *   every file a folder holds is listed
 * @returns absolute paths, sorted, each once
 * @example
 * ```ts
 * expandPaths("/repo", ["src", "test/**"], [".ts"]); // ["/repo/src/a.ts", …]
 * ```
 */
export function expandPaths(
  root: string,
  paths: readonly string[],
  extensions?: readonly string[],
): string[] {
  const files = new Set<string>();
  const fits = (file: string): boolean =>
    extensions === undefined || extensions.some((extension) => file.endsWith(extension));
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : join(root, path);
    const stats = /[*?[\]{}!]/.test(path)
      ? undefined
      : statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isFile() === true) {
      files.add(absolute);
      continue;
    }
    const pattern = stats?.isDirectory() === true ? `${path.replace(/\/+$/, "")}/**/*` : path;
    for (const file of globSync([pattern.replace(/^\.\//, "")], {
      cwd: root,
      absolute: true,
      dot: true,
      ignore: NEVER,
    })) {
      if (fits(file)) files.add(file);
    }
  }
  return [...files].sort();
}
