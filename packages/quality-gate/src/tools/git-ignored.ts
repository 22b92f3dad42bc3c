/**
 * What git ignores in a repository, read from its `.gitignore` files (each applying below its own
 * folder, as git applies them) and `.git/info/exclude`, with the `ignore` package (the matcher
 * ESLint and Prettier use), so the gate never checks a build folder or generated file that git
 * does not track, whether or not the repository is a git checkout.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ignore from "ignore";
import type { Ignore } from "ignore";
import { globSync } from "../glob-sync.js";

/**
 * Builds a test of whether git ignores a path.
 *
 * @param root - the repository root
 * @returns a function telling, for an absolute path below the root, whether it is ignored
 * @example
 * ```ts
 * const ignored = gitIgnored("/repo");
 * ignored("/repo/dist/index.js"); // true, with `dist/` in .gitignore
 * ```
 */
export function gitIgnored(root: string): (path: string) => boolean {
  const files = globSync(["**/.gitignore"], {
    cwd: root,
    absolute: true,
    dot: true,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  const rules: { dir: string; matcher: Ignore }[] = [];
  for (const file of [join(root, ".git", "info", "exclude"), ...files]) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const dir = file.endsWith(".gitignore") ? dirname(file) : root;
    rules.push({ dir, matcher: ignore().add(text) });
  }
  return (path) =>
    rules.some(({ dir, matcher }) => {
      const rel = relative(dir, path);
      if (rel === "" || rel.startsWith("..")) return false;
      return matcher.ignores(rel.split(sep).join("/"));
    });
}
