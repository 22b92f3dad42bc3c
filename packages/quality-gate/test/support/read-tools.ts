// A throwaway repository's tools as the gate reads them: its files written, then read the way a
// run reads them (manifests, config files, scripts, lint-staged, installations).
import { discoverProject } from "../../src/project/discover-project.js";
import { readRepositoryTools } from "../../src/tools/repository-tools.js";
import type { RepositoryTools } from "../../src/tools/repository-tools.js";
import { tempRepo } from "./temp-repo.js";

/**
 * Writes a repository and reads its tools.
 *
 * @param files - paths relative to the root, and their text (objects are written as JSON)
 * @returns what the repository declares
 */
export function readTools(files: Record<string, string | object>): RepositoryTools {
  const root = tempRepo(
    Object.fromEntries(
      Object.entries(files).map(([path, text]) => [
        path,
        typeof text === "string" ? text : `${JSON.stringify(text, null, 2)}\n`,
      ]),
    ),
  );
  return readRepositoryTools(discoverProject(root));
}
