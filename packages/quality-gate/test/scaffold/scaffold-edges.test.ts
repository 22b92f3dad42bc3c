// The scaffold's less travelled paths: where templates and repositories are found, workspaces
// declared in package.json, a malformed manifest, and a module that is already exported.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { listTemplates, templatesDir } from "../../src/scaffold/templates.js";
import { readPackage, repositoryRoot, workspacePackages } from "../../src/scaffold/workspace.js";
import { runCli } from "../support/run-cli.js";
import { tempRepo } from "../support/temp-repo.js";

describe("templatesDir", () => {
  it("says where it looked when no templates folder is there", () => {
    const nowhere = pathToFileURL(join(tmpdir(), "a", "b", "c", "d", "x.js")).href;
    expect(() => templatesDir(nowhere)).toThrow(/No templates folder at .*reinstall/);
  });
});

describe("listTemplates", () => {
  it("names the manifest and the bad field", () => {
    const dir = mkdtempSync(join(tmpdir(), "templates-"));
    mkdirSync(join(dir, "broken"));
    writeFileSync(join(dir, "broken", "template.json"), JSON.stringify({ description: "x" }));
    expect(() => listTemplates(dir)).toThrow(/broken\/template\.json: into /);
    expect(() => listTemplates(dir)).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
  });
});

describe("repositoryRoot", () => {
  it("is the folder itself when nothing above marks a repository", () => {
    const lonely = mkdtempSync(join(tmpdir(), "no-repo-"));
    expect(repositoryRoot(lonely)).toBe(lonely);
  });
});

describe("workspaces declared in package.json", () => {
  it.each([[["packages/*"]], [{ packages: ["packages/*", "!packages/skip"] }]])(
    "reads %j",
    (workspaces) => {
      const root = tempRepo({
        "package.json": JSON.stringify({ name: "root", workspaces }),
        "packages/a/package.json": JSON.stringify({ name: "a" }),
      });
      const pkg = readPackage(root);
      expect(pkg?.workspaces).toEqual(["packages/*"]);
      expect(workspacePackages(pkg!).map((member) => member.name)).toEqual(["a"]);
    },
  );
});

describe("new, on edges", { timeout: 30_000 }, () => {
  it("refuses a repository with no package.json", async () => {
    const root = tempRepo({});
    const { code, stderr } = await runCli(["new", "module", "Thing"], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No package\.json at or above .*\[NO_PACKAGE\]/);
  });

  it("leaves an index that already exports the module, and names the precommit script", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "x", scripts: { precommit: "quality-gate check" } }),
      "src/index.ts": 'export * from "./thing.js";',
    });
    const { stdout } = await runCli(["new", "module", "Thing"], root);
    expect(stdout).not.toContain("Updated");
    expect(stdout).toContain("Next: npm run precommit");
    expect(readFileSync(join(root, "src/index.ts"), "utf8")).toBe('export * from "./thing.js";');
  });

  it("adds the export on a line of its own to an index without a final newline", async () => {
    const root = tempRepo({ "package.json": "{}", "src/index.ts": "export const a = 1;" });
    await runCli(["new", "module", "Thing"], root);
    expect(readFileSync(join(root, "src/index.ts"), "utf8")).toBe(
      "export const a = 1;\n" +
        'export { ThingError, totalThing } from "./thing.js";\n' +
        'export type { ThingLine } from "./thing.js";\n',
    );
  });
});
