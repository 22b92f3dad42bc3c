/**
 * tinyglobby's `globSync`, loaded on its first call. Most `check` runs never glob (one package,
 * no format, lint or secure rung), and importing tinyglobby is 15–35 ms of every start-up
 * (measured on Node 20), so it is required when needed rather than imported up front.
 *
 * @internal
 */
import { createRequire } from "node:module";
import type * as TinyglobbyModule from "tinyglobby";
import type { GlobOptions } from "tinyglobby";

type Tinyglobby = typeof TinyglobbyModule;

const require = createRequire(import.meta.url);
let tinyglobby: Tinyglobby | undefined;

/**
 * Lists the files matching `patterns`, as tinyglobby's `globSync` does.
 *
 * @param patterns - glob patterns
 * @param options - tinyglobby's options (`cwd`, `absolute`, `ignore`, …)
 * @returns the matching paths
 * @internal
 */
export function globSync(
  patterns: string | readonly string[],
  options: Omit<GlobOptions, "patterns">,
): string[] {
  tinyglobby ??= require("tinyglobby") as Tinyglobby;
  return tinyglobby.globSync(patterns, options);
}
