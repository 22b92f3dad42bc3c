/**
 * Loads a large CommonJS dependency with a V8 code cache, so a run does not recompile it.
 *
 * `typescript.js` is 9 MB: compiling it took about 0.4 s of every run, and the checker's functions
 * are compiled lazily again on each run. Node 22 caches compiled code itself
 * (`module.enableCompileCache`); Node 20 does not, so this does what v8-compile-cache did, with one
 * difference that matters here: the cache is written after the run (`createCachedData` at exit),
 * so it holds the functions the run compiled, not only the top level.
 *
 * V8 executes what the cache holds, and checks it only against the source's length and its own
 * version (release builds skip the checksum), so the cache lives in a directory only this user can
 * write (see `private-directory.ts`), and each file starts with the SHA-256 of the rest: another
 * user's file, a damaged one or one of the wrong length is never handed to V8. The cache is only an
 * accelerator: any failure to read or write it falls back to an ordinary compile.
 *
 * @internal
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { cacheHome } from "./fs/cache-home.js";
import { openPrivateDirectory, readPrivateFile } from "./fs/private-directory.js";
import { writeAtomically } from "./fs/write-atomically.js";

const require = createRequire(import.meta.url);

/** What Node's CommonJS loader keeps about a module, as far as this file touches it. */
interface LoadedModule {
  exports: unknown;
  filename: string;
  loaded: boolean;
  paths: string[];
}

/**
 * Where and when {@link requireWithCodeCache} keeps its cache.
 *
 * @internal
 */
export interface CodeCacheOptions {
  /** The environment, which places the cache in the user's cache folder (see `cache-home.ts`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The directory of the cache files (default: `code-cache` in the user's cache folder). */
  readonly cacheDir?: string;
  /** Schedules the cache write; tests run it at once. */
  readonly atExit?: (write: () => void) => void;
}

/**
 * Where the cache of a source lives: keyed by the source text itself and the exact Node and V8.
 * V8 checks a cache only against the source's length, so the key must change with any edit.
 */
function cachePath(source: string, cacheDir: string): string {
  const key = createHash("sha256")
    .update(`${process.version}\0${process.versions.v8}\0`)
    .update(source)
    .digest("hex")
    .slice(0, 32);
  return join(cacheDir, `${key}.bin`);
}

/** The length of the hash each cache file starts with. */
const DIGEST_BYTES = 32;

function digest(data: Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

/** The cached data, when the directory is private, the file this user's and its hash matches. */
function readCache(cacheDir: string, path: string): Buffer | undefined {
  if (openPrivateDirectory(cacheDir, false).problem !== undefined) return undefined;
  const { data } = readPrivateFile(path);
  if (data === undefined || data.length <= DIGEST_BYTES) return undefined;
  const payload = data.subarray(DIGEST_BYTES);
  return digest(payload).equals(data.subarray(0, DIGEST_BYTES)) ? payload : undefined;
}

/** Writes atomically (concurrent runs never read a half-written file), into a private directory. */
function writeCache(cacheDir: string, path: string, data: Buffer): void {
  try {
    if (openPrivateDirectory(cacheDir, true).problem !== undefined) return;
    writeAtomically(path, Buffer.concat([digest(data), data]), 0o600);
  } catch {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

/**
 * Requires `specifier` as `require` would from this package, compiling it with a code cache when
 * this process has not loaded it yet. The module is registered in `require.cache`, so the later
 * `require("typescript")` of src/typescript.cts, and of typescript-eslint, get this instance.
 *
 * @param specifier - the module to load, resolved from this file (a package name or a path)
 * @param options - where caches live (default: `code-cache` in the user's cache folder) and when to
 *   write one (default: at process exit, once the run compiled what it uses)
 * @returns the module's exports
 * @internal
 */
export function requireWithCodeCache(specifier: string, options: CodeCacheOptions = {}): unknown {
  const { cacheDir = join(cacheHome(options.env ?? {}), "code-cache") } = options;
  const atExit = options.atExit ?? ((write) => process.once("exit", write));
  const file = require.resolve(specifier);
  const loaded = require.cache[file];
  if (loaded !== undefined) return loaded.exports;
  const source = readFileSync(file, "utf8");
  const path = cachePath(source, cacheDir);
  const cachedData = readCache(cacheDir, path);
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapper, { filename: file, ...(cachedData && { cachedData }) });
  const module = new Module(file) as unknown as LoadedModule;
  module.filename = file;
  module.paths = (
    Module as unknown as { _nodeModulePaths: (dir: string) => string[] }
  )._nodeModulePaths(dirname(file));
  require.cache[file] = module as unknown as NodeJS.Module;
  try {
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    // As require does: a module whose body threw is not left half-loaded in the cache.
    Reflect.deleteProperty(require.cache, file);
    throw error;
  }
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected === true) {
    atExit(() => {
      writeCache(cacheDir, path, script.createCachedData());
    });
  }
  return module.exports;
}
