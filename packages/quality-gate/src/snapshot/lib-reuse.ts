/**
 * When a parsed and bound lib file can serve a Program. Reusing a lib file across Programs is
 * what TypeScript's own language service does, under the same rule: only between Programs whose
 * source-file-affecting options are equal. The start-up snapshot keeps its lib files under the
 * key of the options they were prepared for, and a Program takes them only under the same key.
 *
 * @internal
 */
import type ts from "../typescript.cjs";

/**
 * The `Symbol.for` name under which a snapshot-started process keeps its StartupSnapshot.
 *
 * @internal
 */
export const SNAPSHOT_GLOBAL_NAME = "@ladder/quality-gate/startup-snapshot";

/**
 * The compiler options that decide whether a parsed and bound lib file can serve a Program:
 * TypeScript's own list of source-file-affecting options, plus `strict` (which implies
 * `alwaysStrict`) and the options that choose the lib files.
 *
 * @param compiler - the compiler
 * @returns the option names, or `undefined` when this compiler does not list them (then nothing
 *   is reused)
 * @internal
 */
export function libOptionNames(compiler: typeof ts): readonly string[] | undefined {
  const affecting: unknown = (compiler as { sourceFileAffectingCompilerOptions?: unknown })
    .sourceFileAffectingCompilerOptions;
  if (!Array.isArray(affecting)) return undefined;
  const names = affecting.map((option: { readonly name: string }) => option.name);
  return [...names, "strict", "lib", "noLib"].sort();
}

/**
 * The key under which lib files prepared for `options` are kept: equal keys, interchangeable files.
 *
 * @param compiler - the compiler
 * @param options - a Program's compiler options
 * @returns the key, or `undefined` when this compiler does not say which options matter
 * @internal
 */
export function libReuseKey(
  compiler: typeof ts,
  options: ts.CompilerOptions,
): string | undefined {
  const names = libOptionNames(compiler);
  // The compiler's version too: a file parsed by one TypeScript never serves another's Program.
  return (
    names && JSON.stringify([compiler.version, ...names.map((name) => options[name] ?? null)])
  );
}

/**
 * The part of `options` that decides the lib files: what the snapshot needs to prepare them,
 * without this repository's paths.
 *
 * @param compiler - the compiler
 * @param options - a Program's compiler options
 * @returns the options that matter, or `undefined` when this compiler does not say which do
 * @internal
 */
export function libOptions(
  compiler: typeof ts,
  options: ts.CompilerOptions,
): ts.CompilerOptions | undefined {
  const names = libOptionNames(compiler);
  return (
    names &&
    Object.fromEntries(
      names.filter((name) => options[name] !== undefined).map((name) => [name, options[name]]),
    )
  );
}
