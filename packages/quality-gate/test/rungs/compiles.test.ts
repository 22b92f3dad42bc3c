// Rung 0 agrees with `tsc --noEmit -p`: a tsconfig.json that tsc cannot parse fails the rung with
// the errors tsc prints, and a clean project passes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import { tempRepo } from "../support/temp-repo.js";

const config = configSchema.parse({});

function project(tsconfig: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qg-compiles-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "tsconfig.json"), tsconfig);
  writeFileSync(join(dir, "src", "index.ts"), "export const answer: number = 42;\n");
  return dir;
}

async function compiles(dir: string) {
  const { rungs } = await runLadder({ root: dir, config, rungs: [0], bail: false });
  return rungs[0];
}

describe("rung 0, compiles", { timeout: 60_000 }, () => {
  it("passes a project tsc accepts", async () => {
    const rung = await compiles(project(JSON.stringify({ compilerOptions: { types: [] } })));
    expect(rung).toMatchObject({ status: "passed", findings: [] });
  });

  it.each([
    ["{ , }", ["typescript/TS1136"]],
    ['{ "compilerOptions": { "types": [] }', ["typescript/TS1005"]],
  ])(
    "fails a tsconfig.json tsc cannot parse (%s), with tsc's own errors",
    async (text, rules) => {
      const rung = await compiles(project(text));
      expect(rung?.status).toBe("failed");
      expect(rung?.findings.map((finding) => finding.ruleId)).toEqual(rules);
      expect(rung?.findings[0]).toMatchObject({ file: "tsconfig.json", line: 1 });
    },
  );

  it("checks each project a solution references, reading referenced sources, not unbuilt output", async () => {
    const lib = {
      composite: true,
      outDir: "dist",
      rootDir: "src",
      module: "nodenext",
      strict: true,
      types: [],
    };
    const files = {
      "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "a" }, { path: "b" }] }),
      "a/tsconfig.json": JSON.stringify({ compilerOptions: lib, include: ["src"] }),
      "a/package.json": JSON.stringify({ name: "a", type: "module", exports: "./dist/index.js" }),
      "a/src/index.ts": "export const a: number = 1;\n",
      "b/tsconfig.json": JSON.stringify({
        compilerOptions: lib,
        include: ["src"],
        references: [{ path: "../a" }],
      }),
      "b/package.json": JSON.stringify({ name: "b", type: "module", exports: "./dist/index.js" }),
      "b/src/index.ts":
        'import { a } from "../../a/src/index.js";\nexport const b: number = a;\n',
    };
    const clean = await compiles(tempRepo(files));
    // tsc -p b --noEmit would say TS6305 (a's output is not built); tsc -b builds it first.
    expect(clean).toMatchObject({ status: "passed", findings: [] });
    const broken = await compiles(
      tempRepo({
        ...files,
        "b/src/index.ts":
          'import { a } from "../../a/src/index.js";\nexport const b: string = a;\n',
      }),
    );
    expect(
      broken?.findings.map((finding) => [finding.ruleId, finding.file, finding.line]),
    ).toEqual([["typescript/TS2322", "b/src/index.ts", 2]]);
  });

  it("reports tsc's syntax errors alone, as tsc does, and no type errors until they are fixed", async () => {
    const dir = project(JSON.stringify({ compilerOptions: { types: [] } }));
    writeFileSync(
      join(dir, "src", "index.ts"),
      'export const a: number = "x";\nexport const b = (;\n',
    );
    const rung = await compiles(dir);
    expect(rung?.findings.map((finding) => finding.ruleId)).toEqual(["typescript/TS1109"]);
  });
});
