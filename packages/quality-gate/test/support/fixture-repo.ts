// A fixture repository copied into a throwaway git repository, committed, with the gate
// package's node_modules linked in (so its own Prettier, ESLint and typescript-eslint are the
// fixture's), for the commands that write files.
import { readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createGitRepo } from "./git-repo.js";
import type { GitRepo } from "./git-repo.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const modules = fileURLToPath(new URL("../../node_modules", import.meta.url));

/**
 * Copies `test/fixtures/<name>` into a new git repository and commits it.
 *
 * @param name - the fixture's folder
 * @returns the repository
 */
export function fixtureRepo(name: string): GitRepo {
  const repo = createGitRepo();
  const from = join(fixtures, name);
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    repo.write(relative(from, path), readFileSync(path, "utf8"));
  }
  repo.write(".gitignore", "node_modules\n");
  symlinkSync(modules, join(repo.root, "node_modules"), "dir");
  repo.commit("fixture");
  return repo;
}
