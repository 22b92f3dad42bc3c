/**
 * Finds a package installed for a repository, the way the repository's own code would find it:
 * Node's resolution from the repository's folder (so a workspace package sees its own
 * `node_modules`, then the root's), never from the gate's own installation.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/** A package as installed. */
export interface InstalledPackage {
  /** Its name. */
  readonly name: string;
  /** Its version, from its `package.json`. */
  readonly version: string;
  /** Its folder, absolute. */
  readonly dir: string;
  /** Its `bin` entries, by command name, absolute. */
  readonly bin: Readonly<Record<string, string>>;
}

/**
 * Finds a package as code in `from` would import it.
 *
 * @param name - the package's name, such as `prettier`
 * @param from - the folder to resolve from (a package of the repository)
 * @returns the package, or `undefined` when it is not installed there
 * @example
 * ```ts
 * findInstalled("typescript", "/repo")?.version; // "5.9.3"
 * ```
 */
export function findInstalled(name: string, from: string): InstalledPackage | undefined {
  const require = createRequire(join(from, "__quality_gate_resolver__.js"));
  let manifestPath: string | undefined;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    // A package whose `exports` hide package.json: find the folder from its entry point.
    manifestPath = manifestFromEntry(require, name);
  }
  if (manifestPath === undefined || !inNodeModulesAbove(name, from)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      name?: unknown;
      version?: unknown;
      bin?: unknown;
    };
    if (manifest.name !== name || typeof manifest.version !== "string") return undefined;
    const dir = dirname(manifestPath);
    return { name, version: manifest.version, dir, bin: binOf(manifest.bin, name, dir) };
  } catch {
    return undefined;
  }
}

/**
 * Node's resolution also looks in `NODE_PATH`, which pnpm's `.bin` launchers point at their own
 * store: a gate started through one would find its own tools for a repository that has not
 * installed them. What the repository has is in a `node_modules` folder of `from` or above it
 * (a link there counts: pnpm links each package from its store), which resolution tries first.
 */
function inNodeModulesAbove(name: string, from: string): boolean {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name))) return true;
    if (dirname(dir) === dir) return false;
  }
}

function manifestFromEntry(require: NodeJS.Require, name: string): string | undefined {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    return undefined;
  }
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    try {
      const { name: found } = JSON.parse(readFileSync(candidate, "utf8")) as { name?: unknown };
      if (found === name) return candidate;
    } catch {
      // Not this folder; keep climbing.
    }
  }
  return undefined;
}

function binOf(value: unknown, name: string, dir: string): Record<string, string> {
  if (typeof value === "string") return { [name.replace(/^@[^/]+\//, "")]: join(dir, value) };
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([command, path]) => [command, join(dir, path)]),
  );
}

/**
 * The major and minor version of a version string.
 *
 * @param version - such as `5.9.3` or `7.0.0-dev.20260527.2`
 * @returns `[major, minor]`, `[0, 0]` when it does not start with two numbers
 * @example
 * ```ts
 * majorMinor("5.9.3"); // [5, 9]
 * ```
 */
export function majorMinor(version: string): [number, number] {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match === null ? [0, 0] : [Number(match[1]), Number(match[2])];
}
