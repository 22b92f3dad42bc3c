/**
 * Where quality-gate keeps what it builds per user and machine (the start-up snapshot, the V8 code
 * cache, results of repositories that have no `node_modules`): the platform's per-user cache
 * folder, as `env-paths` and XDG define it. Not the shared temporary directory, where any local
 * user can create the folder first.
 *
 * Written here rather than taken from `env-paths`, which reads `process.env` itself: every caller
 * here passes the environment in, so tests and the snapshot child see the same folder.
 *
 * @internal
 */
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * The gate's cache folder for this user.
 *
 * @param env - the environment (`XDG_CACHE_HOME`, `HOME`, `LOCALAPPDATA`)
 * @param platform - the operating system, as `process.platform` names it
 * @returns `$XDG_CACHE_HOME/quality-gate`, else `~/.cache/quality-gate` on Linux and the BSDs,
 *   `~/Library/Caches/quality-gate` on macOS, `%LOCALAPPDATA%\quality-gate\Cache` on Windows
 * @internal
 */
export function cacheHome(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = env.HOME !== undefined && isAbsolute(env.HOME) ? env.HOME : homedir();
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "quality-gate");
  if (platform === "darwin") return join(home, "Library", "Caches", "quality-gate");
  if (platform === "win32") {
    const local = env.LOCALAPPDATA;
    const base =
      local !== undefined && isAbsolute(local) ? local : join(home, "AppData", "Local");
    return join(base, "quality-gate", "Cache");
  }
  return join(home, ".cache", "quality-gate");
}
