/**
 * Finds the workspace packages of a repository: the globs of `pnpm-workspace.yaml` or of
 * `package.json` `workspaces`, else the repository itself as its one package.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { globSync } from "../glob-sync.js";

/**
 * Lists the directories of a repository's workspace packages.
 *
 * @param root - the repository root
 * @returns absolute package directories, sorted; `[root]` for a single-package repository
 * @example
 * ```ts
 * findPackages("/repo"); // ["/repo/packages/cache", "/repo/packages/quality-gate"]
 * ```
 */
export function findPackages(root: string): string[] {
  const patterns = workspaceGlobs(root);
  if (patterns.length === 0) return [root];
  const dirs = globSync(
    patterns.map((pattern) => `${pattern.replace(/\/$/, "")}/package.json`),
    { cwd: root, absolute: true, ignore: ["**/node_modules/**"] },
  ).map((manifest) => manifest.slice(0, -"/package.json".length));
  const withSources = dirs.filter((dir) => existsSync(join(dir, "src")));
  return withSources.length === 0 ? [root] : withSources.sort();
}

function workspaceGlobs(root: string): string[] {
  const pnpm = join(root, "pnpm-workspace.yaml");
  if (existsSync(pnpm)) return pnpmPackages(readFileSync(pnpm, "utf8"));
  try {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      workspaces?: string[] | { packages?: string[] };
    };
    const { workspaces } = manifest;
    return (Array.isArray(workspaces) ? workspaces : workspaces?.packages) ?? [];
  } catch {
    return [];
  }
}

/** Reads the `packages:` list of a pnpm-workspace.yaml (the only key the gate needs). */
function pnpmPackages(yaml: string): string[] {
  const block = /^packages:\s*\n((?:[ \t]+-.*\n?|[ \t]*#.*\n?|[ \t]*\n)*)/m.exec(yaml)?.[1] ?? "";
  return [...block.matchAll(/^[ \t]+-[ \t]*["']?([^"'#\n]+?)["']?[ \t]*(?:#.*)?$/gm)]
    .map((match) => match[1]?.trim() ?? "")
    .filter((pattern) => pattern !== "" && !pattern.startsWith("!"));
}
