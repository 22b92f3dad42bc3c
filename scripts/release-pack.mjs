// pnpm release:pack: builds every package and packs each into dist-release/ as it would be
// published. pnpm packs (not npm) because it rewrites `workspace:` ranges to real versions and
// runs each package's prepack (quality-gate copies templates/ in there). Prints the tarballs.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = resolve(root, process.argv[2] ?? "dist-release");
const packages = ["cache", "quality-gate"];

/**
 * The environment without what an outer `npx -p node@24 …` leaves for its child (its package
 * list, its command): an inner `npx --yes pnpm@10` reading those runs `pnpm@10` as a command of
 * the outer packages and fails with "pnpm@10: not found".
 */
function withoutNpmExec(env) {
  const outer = /^npm_(?:config_package|config_call|command|execpath|lifecycle_\w+)$/i;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !outer.test(key)));
}

/** Runs pnpm: the one running this script, else the one every machine here reaches through npx. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath ?? "";
  const [command, prefix] = /pnpm/.test(execPath)
    ? [process.execPath, [execPath]]
    : ["npx", ["--yes", "pnpm@10"]];
  const run = spawnSync(command, [...prefix, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "inherit"],
    env: withoutNpmExec(process.env),
  });
  if (run.status !== 0) {
    console.error(`release:pack: pnpm ${args.join(" ")} failed in ${cwd}`);
    process.exit(run.status ?? 1);
  }
}

const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = spawnSync(
  process.execPath,
  [tsc, "-b", ...packages.map((name) => `packages/${name}`)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const name of packages)
  pnpm(["pack", "--pack-destination", out], join(root, "packages", name));
for (const file of readdirSync(out).sort()) console.log(join(out, file));
