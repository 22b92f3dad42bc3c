// A repository as the rungs see it: workspace packages from any workspace format (exclusions
// honoured), the TypeScript projects its own tsc would check (solutions followed, packages the
// root tsconfig leaves out checked by their own), the same from any working directory.
import { describe, expect, it } from "vitest";
import { discoverProject } from "../../src/project/discover-project.js";
import { readWorkspaceGlobs } from "../../src/project/workspace-globs.js";
import { tempRepo } from "../support/temp-repo.js";

const SRC = "export const x: number = 1;\n";
const LIB = JSON.stringify({
  compilerOptions: { outDir: "dist", rootDir: "src", composite: true },
});

function pkg(name: string, extra: object = {}): string {
  return JSON.stringify({ name, exports: "./dist/index.js", ...extra });
}

function describeRepo(files: Record<string, string>) {
  const root = tempRepo(files);
  const project = discoverProject(root);
  const rel = (path: string): string => path.slice(root.length + 1) || ".";
  return {
    packages: project.packages.map((p) => [p.manifest.name, p.entries.entryFiles.map(rel)]),
    tsconfigs: project.tsconfigs.map((t) => [rel(t.file), t.solution]),
  };
}

describe("readWorkspaceGlobs", () => {
  it("reads pnpm's YAML in block and flow form, with exclusions", () => {
    const block = tempRepo({
      "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - \"!packages/skip\"\n",
    });
    expect(readWorkspaceGlobs(block)).toEqual({
      source: "pnpm-workspace.yaml",
      include: ["packages/*"],
      exclude: ["packages/skip"],
    });
    const flow = tempRepo({ "pnpm-workspace.yaml": "packages: [apps/*, ./libs/*/]\n" });
    expect(readWorkspaceGlobs(flow)?.include).toEqual(["apps/*", "libs/*"]);
  });

  it("reads npm's and yarn's workspaces, as an array or under packages", () => {
    const npm = tempRepo({ "package.json": JSON.stringify({ workspaces: ["packages/*"] }) });
    expect(readWorkspaceGlobs(npm)?.include).toEqual(["packages/*"]);
    const yarn = tempRepo({
      "package.json": JSON.stringify({ workspaces: { packages: ["libs/*"], nohoist: ["x"] } }),
    });
    expect(readWorkspaceGlobs(yarn)?.include).toEqual(["libs/*"]);
    expect(readWorkspaceGlobs(tempRepo({ "package.json": "{}" }))).toBeUndefined();
  });
});

describe("discoverProject", () => {
  it("finds a workspace's packages and checks each by its own tsconfig when there is no root one", () => {
    expect(
      describeRepo({
        "package.json": JSON.stringify({
          name: "root",
          private: true,
          workspaces: ["packages/*"],
        }),
        "packages/a/package.json": pkg("a"),
        "packages/a/tsconfig.json": LIB,
        "packages/a/src/index.ts": SRC,
        "packages/b/package.json": pkg("b"),
        "packages/b/tsconfig.json": LIB,
        "packages/b/src/index.ts": SRC,
        "packages/app/package.json": JSON.stringify({ name: "app", private: true }),
        "packages/app/tsconfig.json": "{}",
        "packages/app/main.ts": SRC,
      }),
    ).toEqual({
      packages: [
        ["a", ["packages/a/src/index.ts"]],
        ["b", ["packages/b/src/index.ts"]],
      ],
      tsconfigs: [
        ["packages/a/tsconfig.json", false],
        ["packages/app/tsconfig.json", false],
        ["packages/b/tsconfig.json", false],
      ],
    });
  });

  it("follows a solution tsconfig to the projects it references", () => {
    expect(
      describeRepo({
        "package.json": JSON.stringify({ name: "root", private: true }),
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - '!packages/old'\n",
        "tsconfig.json": JSON.stringify({
          files: [],
          references: [{ path: "packages/a" }, { path: "./packages/b/tsconfig.json" }],
        }),
        "packages/a/package.json": pkg("a"),
        "packages/a/tsconfig.json": LIB,
        "packages/a/src/index.ts": SRC,
        "packages/b/package.json": pkg("b"),
        "packages/b/tsconfig.json": JSON.stringify({
          ...JSON.parse(LIB),
          references: [{ path: "../a" }],
        }),
        "packages/b/src/index.ts": SRC,
        "packages/old/package.json": pkg("old"),
        "packages/old/src/index.ts": SRC,
      }),
    ).toEqual({
      packages: [
        ["a", ["packages/a/src/index.ts"]],
        ["b", ["packages/b/src/index.ts"]],
      ],
      tsconfigs: [
        ["tsconfig.json", true],
        ["packages/a/tsconfig.json", false],
        ["packages/b/tsconfig.json", false],
      ],
    });
  });

  it("checks a package the root tsconfig leaves out by its own tsconfig", () => {
    expect(
      describeRepo({
        "package.json": JSON.stringify({
          name: "root",
          private: true,
          workspaces: ["packages/*"],
        }),
        "tsconfig.json": JSON.stringify({ include: ["scripts"] }),
        "scripts/build.ts": SRC,
        "packages/a/package.json": pkg("a"),
        "packages/a/tsconfig.json": LIB,
        "packages/a/src/index.ts": SRC,
      }).tsconfigs,
    ).toEqual([
      ["tsconfig.json", false],
      ["packages/a/tsconfig.json", false],
    ]);
  });

  it("checks a tshy package by its dialect configs, not the root tsconfig that covers its tests", () => {
    const dialect = (module: string) =>
      JSON.stringify({
        extends: "./build.json",
        include: ["../src/**/*.ts"],
        compilerOptions: { module },
      });
    expect(
      describeRepo({
        "package.json": pkg("lib", { tshy: { exports: { ".": "./src/index.ts" } } }),
        "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true } }),
        ".tshy/build.json": JSON.stringify({ extends: "../tsconfig.json" }),
        ".tshy/esm.json": dialect("nodenext"),
        ".tshy/commonjs.json": dialect("nodenext"),
        "src/index.ts": SRC,
        "test/index.test.ts": SRC,
      }).tsconfigs,
    ).toEqual([
      [".tshy/commonjs.json", false],
      [".tshy/esm.json", false],
    ]);
  });

  it("keeps the root tsconfig when a tshy package's .tshy folder was never generated", () => {
    expect(
      describeRepo({
        "package.json": pkg("lib", { tshy: {} }),
        "tsconfig.json": JSON.stringify({ include: ["src"] }),
        "src/index.ts": SRC,
      }).tsconfigs,
    ).toEqual([["tsconfig.json", false]]);
  });

  it("counts a root with entry points as a package of its own", () => {
    expect(
      describeRepo({
        "package.json": pkg("root"),
        "tsconfig.json": LIB,
        "src/index.ts": SRC,
      }),
    ).toEqual({ packages: [["root", ["src/index.ts"]]], tsconfigs: [["tsconfig.json", false]] });
  });

  it("names a package without a name after its folder, and survives a broken manifest", () => {
    const root = tempRepo({
      "package.json": "{ broken",
      "tsconfig.json": "{}",
      "src/index.ts": SRC,
    });
    const project = discoverProject(root);
    expect(project.packages.map((p) => [p.manifest.name, p.entries.entryFiles])).toEqual([
      [root.split("/").pop(), [`${root}/src/index.ts`]],
    ]);
  });

  it("makes the configured entryPoints the one package's entries, named by the root's manifest", () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "app", private: true }),
      "tsconfig.json": "{}",
      "src/api.ts": SRC,
      "src/cli.ts": SRC,
    });
    const project = discoverProject(root, ["src/api.ts", "./src/cli.ts"]);
    expect(project.packages).toHaveLength(1);
    const [only] = project.packages;
    expect(only?.manifest.name).toBe("app");
    expect(only?.dir).toBe(root);
    expect(only?.entries.entryFiles).toEqual([`${root}/src/api.ts`, `${root}/src/cli.ts`]);
    expect(only?.entries.entries).toEqual([
      { subpath: ".", target: "src/api.ts", source: `${root}/src/api.ts`, by: "source" },
      { subpath: ".", target: "./src/cli.ts", source: `${root}/src/cli.ts`, by: "source" },
    ]);
  });

  it("names the configured package after a workspace's first package when the root is private", () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "ws", private: true }),
      "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
      "packages/core/package.json": pkg("@x/core"),
      "packages/core/tsconfig.json": LIB,
      "packages/core/src/index.ts": SRC,
      "tsconfig.json": "{}",
    });
    const project = discoverProject(root, ["packages/core/src/index.ts"]);
    expect(project.packages.map((p) => [p.manifest.name, p.dir])).toEqual([["@x/core", root]]);
  });

  it("names the configured package after the folder when there is no manifest at all", () => {
    const root = tempRepo({ "tsconfig.json": "{}", "lib/main.ts": SRC });
    const [only] = discoverProject(root, ["lib/main.ts"]).packages;
    expect(only?.manifest).toMatchObject({ name: root.split("/").pop(), private: false });
    expect(only?.entries.entryFiles).toEqual([`${root}/lib/main.ts`]);
  });
});
