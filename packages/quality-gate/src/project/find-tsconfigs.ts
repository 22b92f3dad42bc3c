/**
 * Which TypeScript projects a repository type-checks, as its own `tsc` would: the root
 * `tsconfig.json`; when that is a solution (no files of its own, only `references`, as
 * `tsc -b` builds), every project it references, followed recursively; a root with files and
 * references, both. A package whose entry files none of those projects includes (a monorepo
 * without a root tsconfig, or whose root tsconfig covers only its tooling) is checked by its own
 * `tsconfig.json`, as its own `tsc` run would.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readTsconfig } from "./read-tsconfig.js";
import type { TsconfigReading } from "./read-tsconfig.js";

/** One TypeScript project to check. */
export interface TsconfigProject {
  /** Its tsconfig file, absolute. */
  readonly file: string;
  /** Whether it only references others (`files: []` and `references`): nothing of its own to check. */
  readonly solution: boolean;
  /** The files it includes, absolute. */
  readonly fileNames: ReadonlySet<string>;
  /** The tsconfig as read, for the Program built from it. */
  readonly reading: TsconfigReading;
}

/**
 * Lists the projects a repository type-checks.
 *
 * @param root - the repository root
 * @param packages - the packages' folders and entry files: without a root tsconfig each is
 *   checked by its own; with one, those whose entry files it leaves out
 * @returns the projects, referenced ones after the project that names them; empty when there is
 *   no tsconfig at all
 * @example
 * ```ts
 * findTsconfigs("/repo", [{ dir: "/repo", entryFiles: ["/repo/src/index.ts"] }]);
 * // [{ file: "/repo/tsconfig.json", solution: false, fileNames: Set { … } }]
 * ```
 */
export function findTsconfigs(
  root: string,
  packages: readonly { readonly dir: string; readonly entryFiles: readonly string[] }[],
): TsconfigProject[] {
  const projects: TsconfigProject[] = [];
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const reading = readTsconfig(file);
    const fileNames = new Set((reading.parsed?.fileNames ?? []).map((name) => resolve(name)));
    const references = (reading.parsed?.projectReferences ?? [])
      .map((reference) => referencedConfig(reference.path))
      .filter((path) => path !== undefined);
    const solution =
      reading.parsed !== undefined && fileNames.size === 0 && references.length > 0;
    projects.push({ file, solution, fileNames, reading });
    for (const reference of references) visit(reference);
  };
  const rootConfig = join(root, "tsconfig.json");
  const hasRoot = existsSync(rootConfig);
  if (hasRoot) visit(rootConfig);
  const covered = (file: string): boolean =>
    projects.some((project) => project.fileNames.has(file));
  for (const pkg of packages) {
    const own = join(pkg.dir, "tsconfig.json");
    // Without a root tsconfig every package checks itself; with one, those it leaves out.
    const uncovered = !hasRoot || pkg.entryFiles.some((file) => !covered(file));
    if (uncovered && existsSync(own)) visit(own);
  }
  return projects;
}

/** A reference names a tsconfig file or a folder holding `tsconfig.json`. */
function referencedConfig(path: string): string | undefined {
  const absolute = resolve(path);
  const file =
    statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true
      ? join(absolute, "tsconfig.json")
      : absolute;
  return existsSync(file) ? file : undefined;
}
