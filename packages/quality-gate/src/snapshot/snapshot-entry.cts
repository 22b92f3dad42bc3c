/**
 * The script of the start-up snapshot (`quality-gate warm` runs it under `node --build-snapshot`).
 * It loads the TypeScript compiler, parses and binds TypeScript's lib files for each recorded set
 * of compiler options, and sets what a process started from the snapshot runs: the CLI, with that
 * compiler already loaded and those lib files ready for the Program.
 *
 * Every run parses and binds the same lib files (63 of them for `target: es2022`, about 0.7 s);
 * from a snapshot they come back as the heap they were, and the binder skips a file it has bound.
 *
 * bin/snapshot-builder.cjs evaluates this file with a `require` that takes Node's own modules or
 * a file by its absolute path (the snapshot builder's own takes only the former), which is how the
 * compiler is loaded. The request (which lib files, for which options) arrives as JSON in the one
 * argument: the keys were computed by lib-reuse.ts, which a process started from the snapshot
 * asks with.
 *
 * @internal
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file: the snapshot builder's `require` */
import Module = require("node:module");
import path = require("node:path");
import v8 = require("node:v8");
/* eslint-enable @typescript-eslint/no-require-imports */
import type * as TS from "typescript";
import type { SnapshotRequest, StartupSnapshot } from "./snapshot-types.js";

/** Puts the snapshot's compiler where `require("typescript")` finds it. */
function registerTypeScript(file: string, ts: typeof TS): void {
  const internals = Module as unknown as {
    _cache: Record<string, unknown>;
    _nodeModulePaths: (dir: string) => string[];
  };
  const loaded = new Module(file);
  loaded.filename = file;
  loaded.exports = ts;
  loaded.loaded = true;
  loaded.paths = internals._nodeModulePaths(path.dirname(file));
  internals._cache[file] = loaded;
}

/**
 * Removes `--snapshot-blob <file>` from the process's own flags, so processes this run forks (the
 * test runner's workers) start as plain Node.
 *
 * @returns the blob's path
 */
function dropSnapshotFlag(execArgv: string[]): string | undefined {
  const at = execArgv.findIndex(
    (arg) => arg === "--snapshot-blob" || arg.startsWith("--snapshot-blob="),
  );
  if (at === -1) return undefined;
  const flag = execArgv[at] ?? "";
  if (flag.includes("=")) {
    execArgv.splice(at, 1);
    return flag.slice(flag.indexOf("=") + 1);
  }
  const [, blob] = execArgv.splice(at, 2);
  return blob;
}

/**
 * Parses and binds TypeScript's lib files as a Program with `options` would, by building one over
 * an empty root file that exists only in memory.
 */
function prepareLibFiles(ts: typeof TS, options: TS.CompilerOptions): Map<string, TS.SourceFile> {
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const root = path.join(libDir, "quality-gate-snapshot-root.ts");
  const host = ts.createCompilerHost(options);
  // As create-program.ts sets it: a lib file parsed otherwise would not be the same file.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const getSourceFile = host.getSourceFile.bind(host);
  const files = new Map<string, TS.SourceFile>();
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === root) return ts.createSourceFile(root, "export {};\n", languageVersion);
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file !== undefined && path.dirname(fileName) === libDir) files.set(fileName, file);
    return file;
  };
  const program = ts.createProgram({
    rootNames: [root],
    options: { ...options, types: [] },
    host,
  });
  program.getTypeChecker(); // binds every file
  return files;
}

/** What a process started from the snapshot runs: the CLI, as bin/quality-gate.js would. */
function startCli(
  request: SnapshotRequest,
  ts: typeof TS,
  libs: ReadonlyMap<string, Map<string, TS.SourceFile>>,
): void {
  const blob = dropSnapshotFlag(process.execArgv) ?? "";
  registerTypeScript(request.typescript, ts);
  const snapshot: StartupSnapshot = { blob, libFiles: (key) => libs.get(key) };
  Object.assign(globalThis, { [Symbol.for(request.globalName)]: snapshot });
  const load = Module.createRequire(request.cli);
  const cli = load(request.cli) as {
    main: (argv: readonly string[], io: object) => Promise<number>;
  };
  const { runProcess } = load(path.join(path.dirname(request.cli), "run-process.js")) as {
    runProcess: (start: () => Promise<number>, options: object) => Promise<void>;
  };
  const argv = process.argv.slice(1);
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  };
  void runProcess(() => cli.main(argv, io), { argv, handlesSignals: true });
}

/** Builds the snapshot's heap: run only under `node --build-snapshot`. */
function buildSnapshot(request: SnapshotRequest): void {
  // Node 20 starts a snapshot's process without `console.Console` (Vitest constructs one).
  const consoleClass = console.Console;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bin/snapshot-builder.cjs's require, by path
  const ts = require(request.typescript) as typeof TS;
  const libs = new Map<string, Map<string, TS.SourceFile>>();
  for (const { key, options } of request.libSets) libs.set(key, prepareLibFiles(ts, options));
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    (console as { Console?: typeof consoleClass }).Console ??= consoleClass;
    startCli(request, ts, libs);
  });
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  const [, , request] = process.argv;
  if (request === undefined) throw new Error("pass the snapshot request (JSON) as the argument");
  buildSnapshot(JSON.parse(request) as SnapshotRequest);
}
