// A throwaway git repository holding a small TypeScript package, for the gate's scoping flags.
import { createGitRepo } from "./git-repo.js";
import type { GitRepo } from "./git-repo.js";

const TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    rootDir: ".",
    outDir: "dist",
    types: [],
  },
  include: ["src"],
};

/** A documented entry that re-exports `src/old.ts`. */
export const ENTRY = `/**
 * A package for gate tests.
 *
 * @packageDocumentation
 */
export { oldThing } from "./old.js";
`;

/** An undocumented function that exists before the branch point. */
export const OLD = `export function oldThing(value: number): number {
  return value + 1;
}
`;

/**
 * Creates a repository on `main` with one commit holding a package whose one export is
 * undocumented, and checks out a branch `feature` from it.
 *
 * @returns the repository
 */
export function createTsRepo(): GitRepo {
  const repo = createGitRepo();
  repo.write(
    "package.json",
    `${JSON.stringify({ name: "pkg", private: true, type: "module", exports: { ".": "./dist/src/index.js" } }, null, 2)}\n`,
  );
  repo.write("tsconfig.json", `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  repo.write("src/index.ts", ENTRY);
  repo.write("src/old.ts", OLD);
  repo.commit("base");
  repo.git("checkout", "--quiet", "-b", "feature");
  return repo;
}
