// Rung 0 by the repository's own compiler command (TypeScript 7's tsc), run in process so each
// of its answers is pinned: located and project-wide errors, --staged, a compiler that cannot
// run, and projects with references checked in process.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import type { RungResult } from "../../src/ladder/run-ladder.js";
import { bundledTypeScript } from "../../src/tools/install-typescript.js";
import { selectTypeScript } from "../../src/tools/select-typescript.js";
import type { TypeScriptChoice } from "../../src/tools/select-typescript.js";

const fixture = fileURLToPath(new URL("../fixtures/ts7-repo", import.meta.url));

/** A copy of the TypeScript 7 fixture with these files (its node_modules linked, not copied). */
function ts7Repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "qg-ts7-cmd-"));
  cpSync(fixture, root, { recursive: true, filter: (path) => !path.includes("node_modules") });
  symlinkSync(join(fixture, "node_modules"), join(root, "node_modules"), "dir");
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

async function compiles(
  root: string,
  options: { onlyFiles?: ReadonlySet<string>; typescript?: TypeScriptChoice } = {},
): Promise<RungResult> {
  const typescript = options.typescript ?? selectTypeScript(root, bundledTypeScript());
  expect(typescript.command).toBeDefined();
  const { rungs } = await runLadder({
    root,
    config: configSchema.parse({}),
    rungs: [0],
    bail: false,
    typescript,
    onlyFiles: options.onlyFiles,
  });
  const [rung] = rungs;
  if (rung === undefined) throw new Error("no rung 0");
  return rung;
}

const at = (rung: RungResult) =>
  rung.findings.map((finding) => `${finding.ruleId} ${finding.file}:${String(finding.line)}`);

describe("rung 0 by the repository's compiler command", { timeout: 120_000 }, () => {
  it("reports each error where tsc placed it, and only the staged files' under --staged", async () => {
    const root = ts7Repo({
      "src/index.ts": 'export const wrong: number = "x";\nexport { other } from "./other.js";\n',
      "src/other.ts": "export const other: string = 1;\n",
    });
    const all = await compiles(root);
    expect(all.status).toBe("failed");
    expect(at(all)).toEqual([
      "typescript/TS2322 src/index.ts:1",
      "typescript/TS2322 src/other.ts:1",
    ]);
    expect(all.findings[0]?.message).toMatch(
      /^Type 'string' is not assignable to type 'number'\. Change the code/,
    );
    const staged = await compiles(root, { onlyFiles: new Set([join(root, "src", "other.ts")]) });
    expect(at(staged)).toEqual(["typescript/TS2322 src/other.ts:1"]);
  });

  it("places a project-wide error, one tsc prints without a file, on the tsconfig.json", async () => {
    const root = ts7Repo({
      "tsconfig.json": JSON.stringify({ compilerOptions: { types: [] }, include: ["nothing"] }),
    });
    const rung = await compiles(root);
    expect(at(rung)).toEqual(["typescript/TS18003 tsconfig.json:1"]);
    expect(rung.findings[0]?.message).toMatch(/^No inputs were found in config file/);
  });

  it("places an error in the tsconfig.json on it", async () => {
    const root = ts7Repo({
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: true, types: [], noEmit: true, notAnOption: true },
        include: ["src"],
      }),
    });
    const rung = await compiles(root);
    expect(rung.status).toBe("failed");
    expect(rung.findings.map((finding) => finding.file)).toContain("tsconfig.json");
    expect(rung.findings.map((finding) => finding.message).join("\n")).toMatch(/notAnOption/);
  });

  it("fails the rung with the compiler's own first words when it cannot run", async () => {
    const root = ts7Repo({});
    const chosen = selectTypeScript(root, bundledTypeScript());
    const broken = { ...chosen, command: join(root, "node_modules", "typescript", "gone.js") };
    const rung = await compiles(root, { typescript: broken });
    expect(rung).toMatchObject({
      status: "failed",
      tool: { name: "typescript", version: chosen.checker.version },
    });
    expect(at(rung)).toEqual(["typescript/tool-failed .:1"]);
    expect(rung.findings[0]?.message).toMatch(
      /^typescript could not run: Error: Cannot find module '.*gone\.js'/,
    );
  });

  it("checks a project that references others in process, and says so", async () => {
    const lib = {
      composite: true,
      strict: true,
      types: [],
      module: "nodenext",
      outDir: "dist",
      rootDir: "src",
    };
    const root = ts7Repo({
      "tsconfig.json": JSON.stringify({
        compilerOptions: lib,
        include: ["src"],
        references: [{ path: "./lib" }],
      }),
    });
    cpSync(join(root, "src"), join(root, "lib", "src"), { recursive: true });
    writeFileSync(
      join(root, "lib", "tsconfig.json"),
      JSON.stringify({ compilerOptions: lib, include: ["src"] }),
    );
    writeFileSync(join(root, "lib", "src", "index.ts"), 'export const bad: number = "no";\n');
    const rung = await compiles(root);
    expect(rung.tool?.note).toMatch(
      /^projects that reference others are checked in process with TypeScript /,
    );
    expect(at(rung)).toEqual(["typescript/TS2322 lib/src/index.ts:1"]);
  });
});
