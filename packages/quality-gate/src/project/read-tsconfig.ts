/**
 * Reads a tsconfig file as `tsc` does (`extends`, `include`, `references`), once per run: listing
 * a project's files walks its whole `include`, and rung 0, the scorer and the TSDoc prefetch all
 * need the list.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import ts from "../typescript.cjs";

/** A repository's tsconfig.json as read by `tsc`: its options and files, or why not. */
export interface TsconfigReading {
  /** The tsconfig file, absolute. */
  readonly file: string;
  /** The parsed configuration, or `undefined` when the file could not be read at all. */
  readonly parsed: ts.ParsedCommandLine | undefined;
  /** Errors that stopped the parse (a missing or unreadable file); rung 0 reports them. */
  readonly diagnostics: readonly ts.Diagnostic[];
}

/**
 * The tsconfig file a path names: the path itself when it is a file, else its `tsconfig.json`.
 *
 * @param rootOrFile - a folder or a tsconfig file
 * @returns the tsconfig file, absolute as given
 * @example
 * ```ts
 * tsconfigFile("/repo"); // "/repo/tsconfig.json"
 * ```
 */
export function tsconfigFile(rootOrFile: string): string {
  return statSync(rootOrFile, { throwIfNoEntry: false })?.isFile() === true
    ? rootOrFile
    : join(rootOrFile, "tsconfig.json");
}

/**
 * Reads a tsconfig file.
 *
 * @param rootOrFile - a folder holding tsconfig.json, or a tsconfig file
 * @returns the parsed configuration and the errors that stopped a parse
 * @example
 * ```ts
 * readTsconfig("/repo").parsed?.fileNames; // ["/repo/src/index.ts", …]
 * ```
 */
export function readTsconfig(rootOrFile: string): TsconfigReading {
  const file = tsconfigFile(rootOrFile);
  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, host);
  return { file, parsed, diagnostics };
}
