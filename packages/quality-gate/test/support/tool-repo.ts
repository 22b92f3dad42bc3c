// A throwaway repository whose tools are installed: its node_modules is the gate package's own
// (where its test tools are devDependencies: Biome, oxlint, oxfmt, Jest, Prettier, ESLint,
// Vitest), so the gate finds them as it finds a real repository's.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempRepo } from "./temp-repo.js";

const modules = fileURLToPath(new URL("../../node_modules", import.meta.url));

/**
 * Creates a repository with the gate's test tools installed.
 *
 * @param files - paths relative to the root, and their text (objects are written as JSON)
 * @returns the root
 */
export function toolRepo(files: Record<string, string | object>): string {
  const root = tempRepo(
    Object.fromEntries(
      Object.entries(files).map(([path, text]) => [
        path,
        typeof text === "string" ? text : `${JSON.stringify(text, null, 2)}\n`,
      ]),
    ),
  );
  symlinkSync(modules, join(root, "node_modules"), "dir");
  return root;
}
