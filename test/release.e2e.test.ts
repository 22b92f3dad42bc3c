// The release as a new user meets it: both packages packed as they would be published, checked by
// publint and Are the Types Wrong, then adopted by a fresh npm repository and a fresh pnpm
// repository through `npx file:<tarball> init` and the one command init prints. That command
// climbs the ladder on the clean module, fails at rung 7 once an undocumented export is added,
// and the installed hook blocks the commit; `new cache` works from the installed tarball.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPILER_OPTIONS, GREET, GREET_TEST, json, WORKSPACE } from "./support/bare-repo.js";
import type { Run } from "./support/bare-repo.js";
import { packRelease, sh, userEnv, write } from "./support/release.js";
import type { Tarballs } from "./support/release.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

const UNDOCUMENTED = "\nexport const SHOUT = true;\n";

/** A repository with one documented, tested module and a git history of one commit. */
function freshRepo(manager: "npm" | "pnpm"): string {
  const root = mkdtempSync(join(tmpdir(), `ladder-adopt-${manager}-`));
  // The tsconfig leaves the root out (`include: ["src", "test"]`), as in the issue: the configs
  // init writes there must pass anyway. The pnpm repository has TypeScript before the gate.
  write(root, {
    "package.json": `${JSON.stringify(
      {
        name: `fresh-${manager}`,
        version: "1.0.0",
        private: true,
        type: "module",
        devDependencies: {
          "@types/node": "^20.19.43",
          ...(manager === "pnpm" && { typescript: "~6.0.3" }),
        },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": json({ compilerOptions: COMPILER_OPTIONS, include: ["src", "test"] }),
    ".gitignore": "node_modules/\ncoverage/\n",
    "src/index.ts": GREET,
    "test/index.test.ts": GREET_TEST,
  });
  const env = userEnv(true);
  if (manager === "pnpm") expectOk(sh(root, "pnpm install", env));
  expectOk(sh(root, "git init -q -b main && git add -A && git commit -qm start", env));
  return root;
}

function expectOk(run: Run): void {
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

/** `npx file:<tarball> init`, then the command it printed; returns that command. */
function adopt(root: string, gate: string): string {
  const init = sh(root, `npx --yes file:${gate} init`, userEnv(false));
  expectOk(init);
  const next = /^Next: (.+)$/m.exec(init.stdout)?.[1];
  expect(next, init.stdout).toBeDefined();
  return next ?? "";
}

/** Modules a process loaded, recorded by a resolve hook in the loader thread. */
function modulesLoadedBy(root: string, code: string): { stdout: string; urls: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), "ladder-loaded-")), "urls.txt");
  appendFileSync(log, "");
  const hook = `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + "\\n");
  return result;
}`;
  const register = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  const run = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(register)}`, "--input-type=module"],
    { cwd: root, input: code, encoding: "utf8", env: userEnv(false) },
  );
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, urls: readFileSync(log, "utf8").trim().split("\n") };
}

// `npm test` and CI's Node 24 run take this suite; the ladder's rung 3 (`npm run precommit`)
// re-runs every test for coverage, to which this one adds nothing (it runs packed copies in child
// processes), and would spend five more minutes on it.
const inLadder = process.env.npm_lifecycle_event === "precommit";

let tarballs: Tarballs;
beforeAll(() => {
  if (!inLadder) tarballs = packRelease();
}, 300_000);

describe.skipIf(inLadder)("the release tarballs", { timeout: 300_000 }, () => {
  it("pass publint and Are the Types Wrong", () => {
    const check = spawnSync(process.execPath, ["scripts/release-check.mjs", tarballs.dir], {
      cwd: WORKSPACE,
      encoding: "utf8",
    });
    expect(check.stdout).toContain("release:check: 2 tarballs, 0 failed checks");
    expect(check.status).toBe(0);
  });

  it.each([
    [
      "gate",
      [
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "bin/quality-gate.js",
        "dist/index.js",
        "dist/config.js",
        "schema/config.v1.json",
        "templates/cache/template.json",
        "templates/package/_package.json",
      ],
    ],
    ["cache", ["README.md", "LICENSE", "CHANGELOG.md", "dist/index.js", "dist/redis/index.d.ts"]],
  ] as const)("hold what the %s package needs and nothing dev-only", (name, needed) => {
    const list = spawnSync("tar", ["tzf", tarballs[name]], { encoding: "utf8" });
    const files = list.stdout
      .trim()
      .split("\n")
      .map((file) => file.replace(/^package\//, ""));
    expect(files).toEqual(expect.arrayContaining([...needed, "package.json"]));
    // Templates carry their own tests, which `new` renders; nothing else of a test ships.
    const devOnly = files.filter(
      (file) =>
        !file.startsWith("templates/") &&
        /(?:^|\/)(?:test|tests|fixtures|bench|real)\/|\.test\.|tsbuildinfo|(?:^|\/)tsconfig[^/]*\.json$/.test(
          file,
        ),
    );
    expect(devOnly).toEqual([]);
    const manifest = JSON.parse(
      spawnSync("tar", ["xzfO", tarballs[name], "package/package.json"], { encoding: "utf8" })
        .stdout,
    ) as { devDependencies?: unknown; dependencies?: Record<string, string> };
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("workspace:");
  });
});

describe.skipIf(inLadder).each(["npm", "pnpm"] as const)(
  "a fresh %s repository adopts the gate",
  (manager) => {
    let root = "";
    let next = "";
    beforeAll(() => {
      root = freshRepo(manager);
      next = adopt(root, tarballs.gate);
    }, 600_000);

    it(
      "init's one printed command installs and climbs to rung 7 on the clean module",
      { timeout: 600_000 },
      () => {
        expect(next).toBe(`${manager} install && ${manager} run precommit`);
        const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
          devDependencies: Record<string, string>;
        };
        expect(manifest.devDependencies["@ladder/quality-gate"]).toMatch(
          /^file:.*ladder-quality-gate-0\.1\.0\.tgz$/,
        );
        const run = sh(root, next, userEnv(true));
        expect(run.stdout).toContain("Reached 7 — documented; target 7: passed.");
        expect(run.stdout).toMatch(/Tests\s+1\.00/);
        expectOk(run);
        // husky ran as the prepare script of that install: git now runs .husky/pre-commit.
        const hooksPath = sh(root, "git config core.hooksPath", userEnv(false));
        expect(hooksPath.stdout.trim()).toBe(".husky/_");
      },
    );

    it(
      "fails at rung 7 on an undocumented export, and the hook blocks its commit",
      { timeout: 600_000 },
      () => {
        appendFileSync(join(root, "src/index.ts"), UNDOCUMENTED);
        const run = sh(root, `${manager} run precommit`, userEnv(true));
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/rung 7 {2}documented\/\S+ .*SHOUT/);
        // No pnpm on PATH for git: the hook must not need one.
        const commit = sh(root, "git add -A && git commit -m 'shout'", userEnv(false));
        expect(commit.stdout + commit.stderr).toMatch(/rung 7 {2}documented\/\S+ .*SHOUT/);
        expect(commit.status).not.toBe(0);
        expect(
          sh(root, "git log --oneline", userEnv(false)).stdout.trim().split("\n"),
        ).toHaveLength(1);
        sh(root, "git reset -q && git checkout -- src/index.ts", userEnv(false));
      },
    );

    it("loads defineConfig from ./config without zod, commander or the ladder", () => {
      const { stdout, urls } = modulesLoadedBy(
        root,
        'import { defineConfig } from "@ladder/quality-gate/config";\nconsole.log(JSON.stringify(defineConfig({ thresholds: { documentation: 0.5 } })));\n',
      );
      expect(stdout.trim()).toBe('{"thresholds":{"documentation":0.5}}');
      expect(urls.some((url) => url.endsWith("/dist/config.js"))).toBe(true);
      expect(
        urls.filter((url) => /\/(?:zod|commander|typescript)\/|\/dist\/ladder\//.test(url)),
      ).toEqual([]);
    });

    it("new cache UserCache works from the installed tarball", { timeout: 300_000 }, () => {
      const add = manager === "npm" ? "npm install -D" : "pnpm add -D";
      expectOk(sh(root, `${add} file:${tarballs.cache}`, userEnv(true)));
      const scaffold = sh(root, "npx --no -- quality-gate new cache UserCache", userEnv(false));
      expectOk(scaffold);
      expect(scaffold.stdout).toContain("  src/user-cache.ts\n");
      expect(existsSync(join(root, "src/user-cache.ts"))).toBe(true);
      const check = sh(
        root,
        "npx --no -- quality-gate check --only 0,4,7 --format pretty",
        userEnv(false),
      );
      expect(check.stdout).toContain("No findings.");
      expectOk(check);
    });
  },
);
