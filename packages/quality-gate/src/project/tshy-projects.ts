/**
 * The projects a tshy package type-checks. tshy (isaacs' dual-build tool, used by lru-cache,
 * minimatch, glob, …) builds each dialect from its own generated tsconfig in `.tshy/`
 * (`esm.json`, `commonjs.json`, `esm-node.json`, …), each extending `build.json`; the root
 * `tsconfig.json` holds shared options and usually includes every file, tests and benchmarks
 * too, which none of tshy's builds checks. The dialect configs are what the package's `tsc`
 * runs, so they are the projects.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Lists a folder's tshy dialect projects.
 *
 * @param dir - the package folder
 * @returns each dialect's tsconfig, absolute and sorted; `undefined` when the package does not
 *   build with tshy (no `tshy` field in `package.json`) or its `.tshy/` folder has not been
 *   generated
 * @example
 * ```ts
 * tshyProjects("/repo"); // ["/repo/.tshy/commonjs.json", "/repo/.tshy/esm.json"]
 * ```
 */
export function tshyProjects(dir: string): string[] | undefined {
  if (!usesTshy(dir)) return undefined;
  let names: string[];
  try {
    names = readdirSync(join(dir, ".tshy"));
  } catch {
    return undefined;
  }
  // build.json holds the options the dialects share; it includes nothing of its own.
  const dialects = names.filter((name) => name.endsWith(".json") && name !== "build.json");
  return dialects.length === 0
    ? undefined
    : dialects.sort().map((name) => join(dir, ".tshy", name));
}

function usesTshy(dir: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return typeof manifest === "object" && manifest !== null && "tshy" in manifest;
  } catch {
    return false;
  }
}
