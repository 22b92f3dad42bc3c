/**
 * Chooses the repository's TypeScript and loads it before any command that builds a Program is
 * imported (see `select-typescript.ts`), saying which under `--debug`.
 */
import { resolve } from "node:path";
import { bundledTypeScript, installTypeScript } from "../tools/install-typescript.js";
import { selectTypeScript } from "../tools/select-typescript.js";
import type { TypeScriptChoice } from "../tools/select-typescript.js";
import type { CliIo } from "./io.js";

/**
 * Chooses and loads the TypeScript for a repository.
 *
 * @param dir - the repository, relative to the working directory
 * @param io - working directory, environment and streams
 * @param debug - whether `--debug` was given: then the choice and its reason go to stderr
 * @returns the choice, for rung 0 and the report
 * @example
 * ```ts
 * const typescript = prepareCompiler(".", io, false);
 * ```
 */
export function prepareCompiler(dir: string, io: CliIo, debug: boolean): TypeScriptChoice {
  const choice = selectTypeScript(resolve(io.cwd, dir), bundledTypeScript());
  installTypeScript(choice, io.env);
  if (debug) io.stderr.write(`quality-gate: TypeScript: ${choice.reason}\n`);
  return choice;
}
