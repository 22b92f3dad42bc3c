/**
 * The files rung 5 scans: every source file the tsconfig includes, whatever its folder is called
 * (`src/`, `source/`, `lib/`), and each package's `bin/` scripts, which ship to users as much as
 * the compiled source does and are often plain JavaScript outside the tsconfig. Tests are left
 * out (see `is-test-file.ts`): they run no code for users, and fixtures with planted sinks and
 * fake secrets are what they are for.
 */
import { globSync } from "../glob-sync.js";
import { isTestFile } from "../is-test-file.js";

/**
 * Lists the files to scan.
 *
 * @param root - the repository root
 * @param tsconfigFiles - the tsconfig's files (absolute), as the Program's root names
 * @param packageDirs - each workspace package's directory, absolute, for its `bin/` scripts
 * @returns absolute paths, sorted, without dependencies or tests
 * @example
 * ```ts
 * secureFiles("/repo", program.getRootFileNames(), ["/repo"]); // ["/repo/bin/cli.js", "/repo/source/a.ts"]
 * ```
 */
export function secureFiles(
  root: string,
  tsconfigFiles: readonly string[],
  packageDirs: readonly string[],
): string[] {
  const scripts = packageDirs.flatMap((dir) =>
    globSync("bin/**/*.{ts,tsx,mts,cts,js,mjs,cjs}", {
      cwd: dir,
      absolute: true,
      ignore: ["**/node_modules/**"],
    }),
  );
  const files = new Set(
    [...tsconfigFiles, ...scripts].filter(
      (file) => !file.split(/[\\/]/).includes("node_modules") && !isTestFile(file, root),
    ),
  );
  return [...files].sort();
}
