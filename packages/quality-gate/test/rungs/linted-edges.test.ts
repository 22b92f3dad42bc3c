// Rung 2 on a repository without an ESLint config of its own: the gate's default config lints
// it, a file that does not parse is a finding (not a crash), and an empty scope passes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";

const config = configSchema.parse({});
const dir = mkdtempSync(join(tmpdir(), "qg-linted-"));
mkdirSync(join(dir, "src"));
writeFileSync(
  join(dir, "tsconfig.json"),
  JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ["src"] }),
);
writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare", type: "module" }));
writeFileSync(join(dir, "src", "index.ts"), "export const broken = (;\n");

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("rung 2 with the gate's default ESLint config", { timeout: 60_000 }, () => {
  it("reports a file that does not parse as a parse-error finding at its place", async () => {
    const { rungs } = await runLadder({ root: dir, config, rungs: [2], bail: false });
    expect(rungs[2]?.status).toBe("failed");
    expect(rungs[2]?.findings[0]).toMatchObject({
      ruleId: "eslint/parse-error",
      file: "src/index.ts",
      line: 1,
    });
    expect(rungs[2]?.findings[0]?.message).toMatch(
      /\(error; the gate's defaults allow no warnings either\)/,
    );
  });

  it("passes when the run's scope holds no source file", async () => {
    const onlyFiles = new Set([join(dir, "README.md")]);
    const { rungs } = await runLadder({ root: dir, config, rungs: [2], bail: false, onlyFiles });
    expect(rungs[2]).toMatchObject({ status: "passed", findings: [] });
  });
});
