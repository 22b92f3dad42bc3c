/**
 * The lib files a start-up snapshot prepared, as the Program's compiler host asks for them.
 *
 * @internal
 */
import ts from "../typescript.cjs";
import { libReuseKey } from "./lib-reuse.js";
import { startupSnapshot } from "./startup-snapshot.js";

/**
 * The parsed and bound lib files a Program with `options` can use instead of reading its own.
 *
 * @param options - the Program's compiler options
 * @returns the files by absolute path; `undefined` without a snapshot or when it holds none for
 *   options like these
 * @internal
 */
export function preparsedLibFiles(
  options: ts.CompilerOptions,
): ReadonlyMap<string, ts.SourceFile> | undefined {
  const snapshot = startupSnapshot();
  const key = snapshot && libReuseKey(ts, options);
  return key === undefined ? undefined : snapshot?.libFiles(key);
}
