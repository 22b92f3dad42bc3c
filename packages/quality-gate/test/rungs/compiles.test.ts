// Rung 0 agrees with `tsc --noEmit -p`: a tsconfig.json that tsc cannot parse fails the rung with
// the errors tsc prints, and a clean project passes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";

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
});
