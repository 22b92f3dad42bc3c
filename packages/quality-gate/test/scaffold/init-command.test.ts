// `quality-gate init` in-process: what it adds to a bare repository, what it leaves alone, and
// that a second run changes nothing. The e2e suite runs the ladder on the result.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { snapshot, tempRepo } from "../support/temp-repo.js";

const bare = (extra: Record<string, string> = {}): string =>
  tempRepo({
    "package.json": `${JSON.stringify({ name: "bare", scripts: { test: "vitest" } }, null, 4)}\n`,
    "tsconfig.json": "{}\n",
    ...extra,
  });

describe("init", { timeout: 30_000 }, () => {
  it("adds every missing piece and says so, then the next command", async () => {
    const root = bare();
    const { code, stdout } = await runCli(["init"], root);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "created  quality-gate.config.ts",
      "created  eslint.config.mjs",
      "created  prettier.config.mjs",
      "created  .prettierignore",
      "created  vitest.config.ts",
      "created  .lintstagedrc.json",
      "created  .husky/pre-commit",
    ]);
    expect(lines[7]).toMatch(
      /^updated {2}package\.json \(scripts: precommit, prepare; devDependencies: @ladder\/quality-gate, husky, lint-staged, eslint, .*vitest, @vitest\/coverage-v8\)$/,
    );
    expect(lines[8]).toBe("Next: npm install && npm run precommit");
    const hook = readFileSync(join(root, ".husky/pre-commit"), "utf8").split("\n");
    expect(hook.filter((line) => !line.startsWith("#"))).toEqual([
      "npx --no -- lint-staged",
      "npx --no -- quality-gate check --staged --only 0,4,7 --format pretty",
      "",
    ]);
    const pkg = readFileSync(join(root, "package.json"), "utf8");
    expect(pkg).toMatch(
      /^ {4}"scripts": \{\n {8}"test": "vitest",\n {8}"precommit": "quality-gate check --format pretty"/m,
    );
    expect(JSON.parse(pkg)).toMatchObject({
      devDependencies: { husky: "^9.1.7", "@ladder/quality-gate": "^0.1.0" },
    });
  });

  it("changes nothing on a second run", async () => {
    const root = bare();
    await runCli(["init"], root);
    const before = snapshot(root);
    const { code, stdout } = await runCli(["init"], root);
    expect(code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(stdout).not.toMatch(/^(created|updated)/m);
    expect(stdout).toContain("Next: npm run precommit");
  });

  it("keeps the repository's own configs, under any of their names, and its package manager", async () => {
    const root = bare({
      "eslint.config.js": "export default [];\n",
      ".prettierrc": "{}\n",
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    });
    const { stdout } = await runCli(["init"], root);
    expect(stdout).toContain("kept     eslint.config.js (already there)");
    expect(stdout).toContain("kept     .prettierrc (already there)");
    expect(readFileSync(join(root, "eslint.config.js"), "utf8")).toBe("export default [];\n");
    // The hook needs no global pnpm: git runs it with the user's PATH.
    expect(readFileSync(join(root, ".husky/pre-commit"), "utf8")).toContain(
      "\nnpx --no -- lint-staged\n",
    );
    expect(stdout).toContain("Next: pnpm install && pnpm run precommit");
  });

  it("runs the hook's tools through Yarn in a Yarn repository (Plug'n'Play has no .bin)", async () => {
    const root = bare({ "yarn.lock": "" });
    const { stdout } = await runCli(["init"], root);
    const hook = readFileSync(join(root, ".husky/pre-commit"), "utf8");
    expect(hook).toContain("\nyarn lint-staged\nyarn quality-gate check --staged");
    expect(stdout).toContain("Next: yarn install && yarn run precommit");
  });

  it("adds the gate from --from: a tarball as a file: path from the repository, a spec as given", async () => {
    const root = bare();
    const { stdout } = await runCli(
      ["init", basename(root), "--from", "./ladder-quality-gate-0.1.0.tgz"],
      dirname(root),
    );
    expect(stdout).toMatch(/^updated {2}package\.json/m);
    const tarball = `file:../ladder-quality-gate-0.1.0.tgz`;
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8"))).toMatchObject({
      devDependencies: { "@ladder/quality-gate": tarball },
    });
    const other = bare();
    await runCli(["init", "--from", "^0.2.0"], other);
    expect(JSON.parse(readFileSync(join(other, "package.json"), "utf8"))).toMatchObject({
      devDependencies: { "@ladder/quality-gate": "^0.2.0" },
    });
  });

  it("keeps the repository's prepare and precommit scripts and says what each must gain", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({
        name: "own-scripts",
        scripts: { prepare: "node build.mjs", precommit: "eslint ." },
      }),
      "tsconfig.json": "{}\n",
    });
    const { stdout } = await runCli(["init"], root);
    expect(stdout).toContain(
      'kept     package.json (scripts.prepare is yours: add "&& husky" to it so installs set up the hook)',
    );
    expect(stdout).toContain(
      'kept     package.json (scripts.precommit is yours: add "&& quality-gate check --format pretty" to it to climb the ladder)',
    );
    // Its precommit does not climb the ladder, so the command to run is the gate itself.
    expect(stdout).toContain("Next: npm install && npx quality-gate check --format pretty");
    const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts).toEqual({ prepare: "node build.mjs", precommit: "eslint ." });
  });

  it("keeps a lint-staged or prettier key in package.json", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "x", prettier: {}, "lint-staged": {} }),
    });
    const { stdout } = await runCli(["init"], root);
    expect(stdout).toContain('kept     package.json (has "prettier")');
    expect(stdout).toContain('kept     package.json (has "lint-staged")');
    expect(stdout).toContain(
      "kept     tsconfig.json (missing: the gate needs one (npx tsc --init))",
    );
  });

  it("refuses a folder without package.json, writing nothing", async () => {
    const root = tempRepo({});
    const { code, stderr } = await runCli(["init"], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/has no package\.json; run npm init .*\[NO_PACKAGE\]/);
    expect(snapshot(root)).toEqual({});
  });

  it.each([
    [
      "{ bad",
      /package\.json is not valid JSON \(.*\); fix it, then rerun\. \[BAD_PACKAGE_JSON\]/,
    ],
    ["[1, 2]", /package\.json must hold a JSON object, not an array; .*\[BAD_PACKAGE_JSON\]/],
    ["null", /must hold a JSON object, not null; .*\[BAD_PACKAGE_JSON\]/],
  ])("refuses a package.json of %j with one line, writing nothing", async (text, message) => {
    const root = tempRepo({ "package.json": text });
    const before = snapshot(root);
    const { code, stderr } = await runCli(["init"], root);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });
});
