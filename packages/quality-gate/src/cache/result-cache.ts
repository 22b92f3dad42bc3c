/**
 * The incremental cache: per-file results of the file-local rungs, keyed by a hash of the file's
 * text, the resolved tool options and the tool's version, in one JSON file per tool under
 * `node_modules/.cache/quality-gate` (see `result-cache-dir.ts`). It is only ever an optimisation: a missing, unreadable or
 * corrupt cache is an empty one, a cache that cannot be written is skipped, and the folder is safe
 * to delete at any time.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeDirectory } from "../fs/make-directory.js";
import { writeAtomically } from "../fs/write-atomically.js";

/** Cached results of one tool, by absolute file path. */
export interface ResultCache<T> {
  /**
   * The result stored for a file under this key, if any.
   *
   * @param file - the file, absolute
   * @param key - from {@link cacheKey}
   * @returns the stored result, or `undefined` on a miss
   */
  get(file: string, key: string): T | undefined;
  /**
   * Stores a file's result.
   *
   * @param file - the file, absolute
   * @param key - from {@link cacheKey}
   * @param value - the result
   */
  set(file: string, key: string, value: T): void;
  /** Writes the cache back (entries of files that no longer exist are dropped); never throws. */
  save(): void;
}

interface Stored<T> {
  readonly version: 1;
  readonly entries: Record<string, { readonly key: string; readonly value: T }>;
}

/**
 * Hashes what a file's result depends on.
 *
 * @param parts - the tool's version, its resolved options, the file's text, …
 * @returns a hex SHA-256
 * @example
 * ```ts
 * cacheKey(prettier.version, JSON.stringify(options), text);
 * ```
 */
export function cacheKey(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/**
 * Opens one tool's cache.
 *
 * @param dir - the cache folder, or `undefined` for no cache (every lookup misses, nothing is
 *   written)
 * @param name - the tool, which names the file (`prettier` → `prettier.json`)
 * @returns the cache
 * @example
 * ```ts
 * const cache = openResultCache<Finding | null>("/repo/node_modules/.cache/quality-gate", "prettier");
 * ```
 */
export function openResultCache<T>(dir: string | undefined, name: string): ResultCache<T> {
  const file = dir === undefined ? undefined : join(dir, `${name}.json`);
  const entries: Record<string, { key: string; value: T }> =
    file === undefined ? {} : { ...load<T>(file) };
  return {
    get(path, key) {
      const entry = entries[path];
      return entry?.key === key ? entry.value : undefined;
    },
    set(path, key, value) {
      entries[path] = { key, value };
    },
    save() {
      if (file === undefined || dir === undefined) return;
      try {
        makeDirectory(dir);
        const kept = Object.entries(entries).filter(([path]) => existsSync(path));
        writeAtomically(file, JSON.stringify({ version: 1, entries: Object.fromEntries(kept) }));
      } catch {
        // An unwritable cache only costs speed.
      }
    },
  };
}

function load<T>(file: string): Stored<T>["entries"] {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Stored<T>> | null;
    return stored?.version === 1 && typeof stored.entries === "object" ? stored.entries : {};
  } catch {
    return {};
  }
}
