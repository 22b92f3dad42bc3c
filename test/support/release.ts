// Helpers for the release e2e suite: the packed tarballs, and fresh repositories that adopt them
// the way a user would, with nothing of this workspace on PATH or in the environment.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { WORKSPACE } from "./bare-repo.js";
import type { Run } from "./bare-repo.js";

/** The two tarballs `pnpm release:pack` writes. */
export interface Tarballs {
  readonly dir: string;
  readonly gate: string;
  readonly cache: string;
}

/**
 * Packs both packages into a temporary folder, as `pnpm release:pack` does.
 *
 * @returns the folder and the tarballs' paths
 */
export function packRelease(): Tarballs {
  const dir = mkdtempSync(join(tmpdir(), "ladder-release-"));
  const pack = spawnSync(process.execPath, ["scripts/release-pack.mjs", dir], {
    cwd: WORKSPACE,
    encoding: "utf8",
  });
  if (pack.status !== 0) throw new Error(`release-pack failed:\n${pack.stdout}${pack.stderr}`);
  return {
    dir,
    gate: join(dir, "ladder-quality-gate-0.1.0.tgz"),
    cache: join(dir, "ladder-cache-0.1.0.tgz"),
  };
}

/**
 * The environment of a user's shell: none of the test runner's or npm's variables, no
 * `node_modules/.bin` on PATH but the Node that runs the tests, no CI (so husky installs the hook), and a
 * `pnpm` that is the one every machine here reaches through npx, for the pnpm repository's own
 * commands only (`withPnpm`).
 *
 * @param withPnpm - put a `pnpm` command on PATH
 * @returns the environment
 */
export function userEnv(withPnpm: boolean): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(?:npm_|pnpm_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/i.test(key),
    ),
  );
  const path = (env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !dir.includes("node_modules") && !dir.startsWith(WORKSPACE));
  // The Node running the tests comes first (Node 24 in CI's second run), then the pnpm shim.
  path.unshift(dirname(process.execPath));
  if (withPnpm) path.unshift(pnpmShim());
  return {
    ...env,
    PATH: path.join(delimiter),
    CI: "",
    HUSKY: "",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    GIT_AUTHOR_NAME: "E2E",
    GIT_AUTHOR_EMAIL: "e2e@example.com",
    GIT_COMMITTER_NAME: "E2E",
    GIT_COMMITTER_EMAIL: "e2e@example.com",
  };
}

let shim: string | undefined;
function pnpmShim(): string {
  if (shim !== undefined) return shim;
  shim = mkdtempSync(join(tmpdir(), "ladder-pnpm-"));
  const file = join(shim, "pnpm");
  writeFileSync(file, '#!/bin/sh\nexec npx --yes pnpm@10 "$@"\n');
  chmodSync(file, 0o755);
  return shim;
}

/**
 * Runs a shell command in a folder.
 *
 * @param cwd - the folder
 * @param command - the command line
 * @param env - the environment
 * @returns exit status and output
 */
export function sh(cwd: string, command: string, env: NodeJS.ProcessEnv): Run {
  const run = spawnSync("sh", ["-c", command], { cwd, env, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Writes files under a root.
 *
 * @param root - the root
 * @param files - relative path → text
 */
export function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
