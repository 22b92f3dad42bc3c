/** Which package manager a repository uses, read from its lockfile. */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** A package manager `init` and `new` can name in the commands they print. */
export type PackageManager = "pnpm" | "yarn" | "npm";

const LOCKFILES: readonly (readonly [string, PackageManager])[] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["package-lock.json", "npm"],
];

/**
 * Detects the package manager from the lockfile at the repository root; npm when there is none.
 *
 * @param root - the repository root
 * @returns `pnpm`, `yarn` or `npm`
 * @example
 * ```ts
 * detectPackageManager("/repo"); // "pnpm" when /repo/pnpm-lock.yaml exists
 * ```
 */
export function detectPackageManager(root: string): PackageManager {
  return LOCKFILES.find(([file]) => existsSync(join(root, file)))?.[1] ?? "npm";
}

/**
 * The command that runs a package binary with this package manager.
 *
 * @param manager - the package manager
 * @param bin - the binary and its arguments
 * @returns e.g. `pnpm exec lint-staged` or `npx lint-staged`
 * @example
 * ```ts
 * execCommand("npm", "lint-staged"); // "npx lint-staged"
 * ```
 */
export function execCommand(manager: PackageManager, bin: string): string {
  return manager === "npm" ? `npx ${bin}` : `${manager} exec ${bin}`;
}

/**
 * The command a git hook runs a package binary with: one that needs no tool installed globally
 * (git runs hooks with the user's PATH, where pnpm may be absent when it came through npx).
 * `npx --no` runs the repository's own binary and never downloads one; Yarn's Plug'n'Play
 * installs have no `node_modules/.bin`, so Yarn runs its own.
 *
 * @param manager - the package manager
 * @param bin - the binary and its arguments
 * @returns e.g. `npx --no -- lint-staged` or `yarn lint-staged`
 * @example
 * ```ts
 * hookCommand("pnpm", "lint-staged"); // "npx --no -- lint-staged"
 * ```
 */
export function hookCommand(manager: PackageManager, bin: string): string {
  return manager === "yarn" ? `yarn ${bin}` : `npx --no -- ${bin}`;
}
