// pnpm release:check: lints each tarball in dist-release/ (or the folder given) the way the
// registry's users will meet it: publint (package.json against the files packed, strict, so a
// warning fails too) and Are the Types Wrong (types resolve for every entry; ESM-only profile,
// since the packages are ESM and require() of them is Node's own business).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = resolve(root, process.argv[2] ?? "dist-release");
const tarballs = readdirSync(dir).filter((file) => file.endsWith(".tgz"));
if (tarballs.length === 0) {
  console.error(`release:check: no tarballs in ${dir}; run pnpm release:pack first`);
  process.exit(1);
}

const bin = (name) => join(root, "node_modules", ".bin", name);
let failed = 0;
for (const tarball of tarballs.sort()) {
  const file = join(dir, tarball);
  for (const [tool, args] of [
    ["publint", ["--strict", file]],
    ["attw", ["--profile", "esm-only", "--format", "table", "--no-emoji", file]],
  ]) {
    console.log(`\n$ ${tool} ${tarball}`);
    const run = spawnSync(bin(tool), args, {
      stdio: "inherit",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    if (run.status !== 0) failed += 1;
  }
}
console.log(`\nrelease:check: ${tarballs.length} tarballs, ${failed} failed checks`);
process.exit(failed > 0 ? 1 : 0);
