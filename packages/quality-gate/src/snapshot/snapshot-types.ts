/**
 * The shapes shared by the start-up snapshot's script (a CommonJS file that may import nothing
 * but Node's modules) and the modules that build and use it.
 *
 * @internal
 */
import type ts from "../typescript.cjs";

/**
 * Lib files to prepare: for Programs with these options, kept under their key.
 *
 * @internal
 */
export interface LibSet {
  /** The options' key (lib-reuse.ts `libReuseKey`). */
  readonly key: string;
  /** The options that decide the lib files. */
  readonly options: ts.CompilerOptions;
}

/**
 * What `quality-gate warm` asks the snapshot to hold, passed to the builder as JSON, its one
 * argument.
 *
 * @internal
 */
export interface SnapshotRequest {
  /** The absolute path of `typescript.js`, as `require.resolve("typescript")` gives it. */
  readonly typescript: string;
  /** The absolute path of the CLI's module (`dist/cli/main.js`), loaded when the process starts. */
  readonly cli: string;
  /** The `Symbol.for` name of the {@link StartupSnapshot} on `globalThis`. */
  readonly globalName: string;
  /** The lib files to prepare, one set per repository warmed. */
  readonly libSets: readonly LibSet[];
}

/**
 * What a process started from the snapshot finds on `globalThis`.
 *
 * @internal
 */
export interface StartupSnapshot {
  /** The blob the process started from. */
  readonly blob: string;
  /** The prepared lib files under a key, by absolute path; `undefined` when it has none. */
  readonly libFiles: (key: string) => ReadonlyMap<string, ts.SourceFile> | undefined;
}
