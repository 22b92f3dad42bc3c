/**
 * Reads a repository's Biome configuration (`biome.json` or `biome.jsonc`, comments allowed) for
 * what the rungs need to know: whether Biome is there, and whether its formatter and its linter
 * are on (both are unless the file turns them off).
 */
import { readFileSync } from "node:fs";
import ts from "../typescript.cjs";
import type { RepositoryTools } from "./repository-tools.js";

/** What a Biome configuration turns on. */
export interface BiomeConfig {
  /** The configuration file, absolute. */
  readonly file: string;
  /** Whether its formatter is on. */
  readonly formatter: boolean;
  /** Whether its linter is on. */
  readonly linter: boolean;
}

/**
 * Reads the root's Biome configuration.
 *
 * @param tools - what the repository declares
 * @returns what it turns on, or `undefined` when there is no `biome.json(c)`
 * @example
 * ```ts
 * readBiomeConfig(tools)?.linter; // true
 * ```
 */
export function readBiomeConfig(tools: RepositoryTools): BiomeConfig | undefined {
  const file = tools.file("biome.json", "biome.jsonc");
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { file, formatter: true, linter: true };
  }
  // JSON with comments, read as tsconfig files are.
  const { config } = ts.parseConfigFileTextToJson(file, text) as {
    config?: { formatter?: { enabled?: unknown }; linter?: { enabled?: unknown } };
  };
  return {
    file,
    formatter: config?.formatter?.enabled !== false,
    linter: config?.linter?.enabled !== false,
  };
}
