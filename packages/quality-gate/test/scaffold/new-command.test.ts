// `quality-gate new` in-process on throwaway repositories: where files go, what is refused, and
// that a refusal writes nothing. The ladder runs on scaffolded code are in the root e2e suite.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { snapshot, tempRepo } from "../support/temp-repo.js";

// This repository's own TypeScript, the compiler a scaffolded package is checked with.
const tsc = fileURLToPath(
  new URL("../../../../node_modules/typescript/bin/tsc", import.meta.url),
);

const pkg = (name: string, extra: object = {}): string =>
  JSON.stringify({ name, version: "0.0.0", type: "module", ...extra });

function singlePackage(): string {
  return tempRepo({
    "package.json": pkg("demo"),
    "src/index.ts": 'export const version = "1";\n',
  });
}

function workspace(): string {
  return tempRepo({
    "package.json": pkg("root", { private: true }),
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
    "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    "tsconfig.base.json": "{}\n",
    "packages/app/package.json": pkg("@acme/app", { dependencies: { "@ladder/cache": "1" } }),
    "packages/app/src/index.ts": "",
    "packages/tools/package.json": pkg("@acme/tools"),
  });
}

describe("new", { timeout: 30_000 }, () => {
  it("lists every template with a sample command", async () => {
    const { code, stdout } = await runCli(["new", "--list"], singlePackage());
    expect(code).toBe(0);
    for (const name of ["cache", "module", "package", "variety-cache"]) {
      expect(stdout).toMatch(new RegExp(`^${name} +\\S`, "m"));
      expect(stdout).toContain(`quality-gate new ${name} `);
    }
  });

  it("writes a module into the current package, exports it, and says what to run", async () => {
    const root = singlePackage();
    const { code, stdout } = await runCli(["new", "module", "OrderTotals"], root);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "Created from the module template:",
        "  src/order-totals.ts",
        "  test/order-totals.test.ts",
        "Updated src/index.ts to export it.",
        "Next: npx quality-gate check",
        "",
      ].join("\n"),
    );
    const source = readFileSync(join(root, "src/order-totals.ts"), "utf8");
    expect(source).toContain("export function totalOrderTotals(");
    expect(source).not.toMatch(/template/i);
    expect(readFileSync(join(root, "src/index.ts"), "utf8")).toBe(
      'export const version = "1";\n' +
        'export { OrderTotalsError, totalOrderTotals } from "./order-totals.js";\n' +
        'export type { OrderTotalsLine } from "./order-totals.js";\n',
    );
  });

  it("at a workspace root, picks the package that depends on what the template imports", async () => {
    const root = workspace();
    const { code, stdout } = await runCli(["new", "cache", "UserCache"], root);
    expect(code).toBe(0);
    expect(stdout).toContain("  packages/app/src/user-cache.ts");
    expect(stdout).toContain("Next: pnpm exec quality-gate check"); // pnpm, from the lockfile
    expect(readFileSync(join(root, "packages/app/src/user-cache.ts"), "utf8")).toContain(
      'from "@ladder/cache"',
    );
  });

  it("inside the package that provides the import, imports it relatively", async () => {
    const root = tempRepo({
      "package.json": pkg("@ladder/cache"),
      "src/index.ts": "export {};\n",
    });
    expect((await runCli(["new", "cache", "UserCache"], root)).code).toBe(0);
    expect(readFileSync(join(root, "src/user-cache.ts"), "utf8")).toContain('from "./index.js"');
  });

  it("creates a package under packages/, named in the workspace's scope", async () => {
    const root = workspace();
    const { code, stdout } = await runCli(["new", "package", "BillingRules"], root);
    expect(code).toBe(0);
    expect(stdout).toContain("Next: pnpm install && pnpm exec quality-gate check");
    const manifest = JSON.parse(
      readFileSync(join(root, "packages/billing-rules/package.json"), "utf8"),
    ) as { name: string };
    expect(manifest.name).toBe("@acme/billing-rules");
    expect(
      JSON.parse(readFileSync(join(root, "packages/billing-rules/tsconfig.json"), "utf8")),
    ).toMatchObject({ extends: "../../tsconfig.base.json" });
    expect(existsSync(join(root, "packages/billing-rules/_tsconfig.json"))).toBe(false);
    expect(existsSync(join(root, "packages/billing-rules/tsconfig.standalone.json"))).toBe(false);
  });

  it("outside a workspace, creates a package whose tsconfig stands alone and builds", async () => {
    // Once: "extends": "../../tsconfig.json", a file that does not exist, so tsc failed (TS5083).
    const root = tempRepo({ "package.json": pkg("solo") });
    expect((await runCli(["new", "package", "BillingRules"], root)).code).toBe(0);
    const dir = join(root, "packages/billing-rules");
    const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")) as object;
    expect(tsconfig).not.toHaveProperty("extends");
    expect(tsconfig).toMatchObject({ compilerOptions: { strict: true, outDir: "dist" } });
    expect(existsSync(join(dir, "tsconfig.standalone.json"))).toBe(false);
    const build = spawnSync(process.execPath, [tsc, "-b", dir], { cwd: root, encoding: "utf8" });
    expect(build.stdout).toBe("");
    expect(build.status).toBe(0);
    expect(existsSync(join(dir, "dist/index.d.ts"))).toBe(true);
  });

  it("replaces existing files only with --force", async () => {
    const root = singlePackage();
    await runCli(["new", "module", "OrderTotals"], root);
    const edited = "// mine\n";
    writeFileSync(join(root, "src/order-totals.ts"), edited);
    const before = snapshot(root);
    const refused = await runCli(["new", "module", "OrderTotals"], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /Would overwrite src\/order-totals\.ts, test\/order-totals\.test\.ts; nothing was written\. Pass --force .*\[FILE_EXISTS\]/,
    );
    expect(snapshot(root)).toEqual(before);
    expect((await runCli(["new", "module", "OrderTotals", "--force"], root)).code).toBe(0);
    expect(readFileSync(join(root, "src/order-totals.ts"), "utf8")).not.toBe(edited);
  });

  it.each([
    [["new", "module", "Evil", "--dir", "../outside"], /leaves the repository.*\[UNSAFE_PATH\]/],
    [["new", "module", "Evil", "--dir", "/tmp"], /is absolute.*\[UNSAFE_PATH\]/],
    [["new", "module", "Evil", "--dir", "src\0x"], /NUL byte.*\[UNSAFE_PATH\]/],
    [["new", "module", "../evil"], /not a valid name.*\[BAD_NAME\]/],
    [
      ["new", "widget", "Thing"],
      /no template "widget"; choose one of: cache, .*\[UNKNOWN_TEMPLATE\]/,
    ],
    [["new", "module"], /needs a template and a name.*\[USAGE\]/],
    [["new", "module", "Thing", "--dir", "docs"], /has no package\.json.*\[NO_PACKAGE\]/],
  ])("refuses %j with one line, exit 2, and no file written", async (args, message) => {
    const root = singlePackage();
    const before = snapshot(root);
    const { code, stderr } = await runCli(args, root);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses a name too long for a file name before writing anything", async () => {
    // Once the file system's ENAMETOOLONG, as an internal error, after src/ had been created.
    const root = singlePackage();
    const before = snapshot(root);
    const { code, stderr } = await runCli(["new", "module", "a".repeat(300)], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^quality-gate: "a{24}…" \(300 characters\) is too long: .*\[BAD_NAME\]\n$/,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses a package whose package.json is not JSON, naming the file", async () => {
    const root = tempRepo({ "package.json": '{ "name": "demo", }', "src/index.ts": "" });
    const before = snapshot(root);
    const { code, stderr } = await runCli(["new", "module", "Thing"], root);
    expect(stderr).toMatch(
      /^quality-gate: \/.*\/package\.json is not valid JSON .*\[BAD_PACKAGE_JSON\]\n$/,
    );
    expect(code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it("at a workspace root with no single fitting package, asks for --dir", async () => {
    const root = workspace();
    const { code, stderr } = await runCli(["new", "module", "Thing"], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/workspace root; pass --dir .*packages\/app, packages\/tools/);
  });
});
