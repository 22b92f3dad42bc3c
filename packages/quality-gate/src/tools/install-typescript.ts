/**
 * Makes the chosen TypeScript the one every module of the gate gets from `require("typescript")`
 * (through `typescript.cts`), for the rest of the run: the module is loaded with the V8 code
 * cache and registered under the gate's own TypeScript's path, so the gate's modules, and the
 * bundled typescript-eslint, all read the repository's compiler. Must run before any module that
 * imports the compiler is loaded.
 *
 * @internal
 */
import { createRequire } from "node:module";
import { requireWithCodeCache } from "../code-cache.js";
import type { TypeScriptChoice } from "./select-typescript.js";

const require = createRequire(import.meta.url);

/**
 * The gate's own TypeScript: its module file and version.
 *
 * @returns the path of its `lib/typescript.js` and its version
 * @internal
 */
export function bundledTypeScript(): { readonly path: string; readonly version: string } {
  const path = require.resolve("typescript");
  const { version } = require("typescript/package.json") as { version: string };
  return { path, version };
}

/**
 * Loads the chosen TypeScript and puts it in the gate's place.
 *
 * @param choice - from `selectTypeScript`
 * @param env - the environment (where the code cache lives)
 * @internal
 */
export function installTypeScript(
  choice: TypeScriptChoice,
  env: Readonly<Record<string, string | undefined>>,
): void {
  const gatePath = bundledTypeScript().path;
  const loaded = require.cache[gatePath];
  if (choice.module.source === "bundled") {
    if (loaded === undefined) requireWithCodeCache(gatePath, { env });
    return;
  }
  requireWithCodeCache(choice.module.path, { env });
  const own = require.cache[choice.module.path];
  if (own !== undefined) require.cache[gatePath] = own;
}
