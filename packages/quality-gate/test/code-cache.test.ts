import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireWithCodeCache } from "../src/code-cache.js";

const require = createRequire(import.meta.url);
const builtModule = fileURLToPath(new URL("../dist/code-cache.js", import.meta.url));

/** Loads `file` in a new Node process through the built module; the cache is written at exit. */
function loadInChild(file: string, cacheDir: string): string {
  const script = `
    const { requireWithCodeCache } = await import(${JSON.stringify(pathToFileURL(builtModule).href)});
    process.stdout.write(String(requireWithCodeCache(${JSON.stringify(file)}, { cacheDir: ${JSON.stringify(cacheDir)} })));
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`child failed (is dist built?): ${run.stderr}`);
  return run.stdout;
}

describe("requireWithCodeCache", () => {
  let dir: string;
  let cacheDir: string;
  const writeNow = {
    atExit: (write: () => void): void => {
      write();
    },
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "code-cache-"));
    cacheDir = join(dir, "cache");
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh CommonJS module: each test loads a file no earlier test put in require.cache. */
  function moduleFile(name: string, body: string): string {
    const file = join(dir, `${name}.cjs`);
    writeFileSync(file, body);
    return file;
  }

  function cacheFiles(): string[] {
    return readdirSync(cacheDir);
  }

  it("loads the module and shares it with require, as one instance", () => {
    const file = moduleFile("shared", "module.exports = { answer: 42, file: __filename };");
    const loaded = requireWithCodeCache(file, { cacheDir, atExit: () => undefined });
    expect(loaded).toEqual({ answer: 42, file });
    expect(require(file)).toBe(loaded);
    expect(requireWithCodeCache(file, { cacheDir })).toBe(loaded);
  });

  it("writes a code cache when there is none, and keeps one that V8 accepts", () => {
    const file = moduleFile("cached", "module.exports = (a) => a + 1;");
    requireWithCodeCache(file, { cacheDir, ...writeNow });
    expect(cacheFiles()).toHaveLength(1);
    const [name = ""] = cacheFiles();
    const first = readFileSync(join(cacheDir, name));

    Reflect.deleteProperty(require.cache, file);
    const writes: unknown[] = [];
    const again = requireWithCodeCache(file, { cacheDir, atExit: (write) => writes.push(write) });
    expect((again as (a: number) => number)(1)).toBe(2);
    expect(writes).toEqual([]);
    expect(readFileSync(join(cacheDir, name))).toEqual(first);
  });

  it("loads correctly from a damaged cache and replaces it", () => {
    // A fresh process each time: within one, V8 answers a repeated source from its own
    // compilation cache and never reads the file.
    const file = moduleFile("damaged", "module.exports = 'intact';");
    const load = (): string => loadInChild(file, cacheDir);
    expect(load()).toBe("intact");
    const [name = ""] = cacheFiles();
    writeFileSync(join(cacheDir, name), "not a code cache");
    expect(load()).toBe("intact");
    expect(readFileSync(join(cacheDir, name), "utf8")).not.toBe("not a code cache");
  });

  it("keys the cache by content, so an edited module never runs stale code", () => {
    const file = moduleFile("edited", "module.exports = 'one';");
    expect(loadInChild(file, cacheDir)).toBe("one");
    writeFileSync(file, "module.exports = 'two';");
    expect(loadInChild(file, cacheDir)).toBe("two");
    expect(cacheFiles()).toHaveLength(2);
  });

  it("still loads when the cache directory cannot be written", () => {
    const file = moduleFile("unwritable", "module.exports = 7;");
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "");
    expect(requireWithCodeCache(file, { cacheDir: join(blocked, "cache"), ...writeNow })).toBe(7);
  });

  it("reads no cache from a directory other users can write, and writes none there", () => {
    const file = moduleFile("open", "module.exports = 'open';");
    requireWithCodeCache(file, { cacheDir, ...writeNow });
    const [name = ""] = cacheFiles();
    const written = readFileSync(join(cacheDir, name));
    chmodSync(cacheDir, 0o777);
    Reflect.deleteProperty(require.cache, file);
    const writes: (() => void)[] = [];
    expect(requireWithCodeCache(file, { cacheDir, atExit: (write) => writes.push(write) })).toBe(
      "open",
    );
    // Refused: the run compiled without it and wants to write one...
    expect(writes).toHaveLength(1);
    for (const write of writes) write();
    // ...but leaves the open directory as it was.
    expect(readFileSync(join(cacheDir, name))).toEqual(written);
  });

  it("never hands V8 a cache file whose hash does not match its content", () => {
    const file = moduleFile("planted", "module.exports = 'mine';");
    requireWithCodeCache(file, { cacheDir, ...writeNow });
    const [name = ""] = cacheFiles();
    const path = join(cacheDir, name);
    const data = readFileSync(path);
    data[data.length - 1] = (data.at(-1) ?? 0) ^ 0xff;
    writeFileSync(path, data);
    Reflect.deleteProperty(require.cache, file);
    const writes: unknown[] = [];
    expect(requireWithCodeCache(file, { cacheDir, atExit: (write) => writes.push(write) })).toBe(
      "mine",
    );
    expect(writes).toHaveLength(1);
  });

  it("keeps the cache in the user's cache folder, created for this user alone", () => {
    const file = moduleFile("home", "module.exports = 'home';");
    const env = { XDG_CACHE_HOME: join(dir, "xdg") };
    requireWithCodeCache(file, { env, ...writeNow });
    const home = join(dir, "xdg", "quality-gate", "code-cache");
    expect(readdirSync(home)).toHaveLength(1);
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  it("throws what the module throws and leaves nothing half-loaded", () => {
    const file = moduleFile("broken", "throw new Error('broken module');");
    expect(() => requireWithCodeCache(file, { cacheDir })).toThrow("broken module");
    expect(require.cache[file]).toBeUndefined();
  });
});
