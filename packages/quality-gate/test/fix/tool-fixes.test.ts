// Rungs 1 and 2 of the fix: the repository's own Prettier and ESLint, and what is left where it
// uses tools the fix does not run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/default-config.js";
import { planFixes } from "../../src/fix/plan-fixes.js";
import { loadToolFixers } from "../../src/fix/tool-fixes.js";
import type { Finding } from "../../src/ladder/finding.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { readRepositoryTools } from "../../src/tools/repository-tools.js";
import { toolRepo } from "../support/tool-repo.js";

const UGLY = "var a  =  1\nexport { a }\n";

function at(rung: number, ruleId: string): Finding {
  return { ruleId, rung, file: "src/a.js", line: 1, column: 1, symbol: null, message: "" };
}

async function plan(root: string, findings: readonly Finding[]) {
  const repository = discoverProject(root);
  return planFixes({
    repository,
    config: DEFAULT_CONFIG,
    rungs: [1, 2],
    findings,
    tools: () => loadToolFixers(root, readRepositoryTools(repository)),
  });
}

describe("the fix's rungs 1 and 2", { timeout: 120_000 }, () => {
  it("runs the repository's ESLint fixes and Prettier, and says which findings ESLint left", async () => {
    const root = toolRepo({
      "package.json": {
        name: "e",
        type: "module",
        devDependencies: { eslint: "*", prettier: "*" },
      },
      "eslint.config.js":
        'export default [{ rules: { "no-var": "error", "no-debugger": "error" } }];\n',
      ".prettierrc.json": { semi: false },
      "tsconfig.json": {},
      "src/a.js": `${UGLY}debugger\n`,
    });
    const result = await plan(root, [
      at(1, "prettier/format"),
      at(2, "eslint/no-var"),
      at(2, "eslint/no-debugger"),
    ]);
    expect(result.edits.map((edit) => edit.after)).toEqual([
      "let a = 1\nexport { a }\ndebugger\n",
    ]);
    expect(result.outcomes.map((outcome) => `${outcome.status}: ${outcome.note}`)).toEqual([
      "fixed: formatted by Prettier",
      "fixed: fixed by ESLint",
      "left: ESLint has no automatic fix for it",
    ]);
    expect(readFileSync(join(root, "src/a.js"), "utf8")).toBe(`${UGLY}debugger\n`);
  });

  it("leaves Biome's and oxlint's findings, naming the tool to run", async () => {
    const root = toolRepo({
      "package.json": {
        name: "b",
        devDependencies: { "@biomejs/biome": "*", oxlint: "*" },
        scripts: { lint: "oxlint src" },
      },
      "biome.json": {},
      "tsconfig.json": {},
      "src/a.js": UGLY,
    });
    const result = await plan(root, [at(1, "biome/format"), at(2, "oxlint/no-var")]);
    expect(result.edits).toEqual([]);
    expect(result.outcomes.map((outcome) => outcome.note)).toEqual([
      "quality-gate formats with Prettier only; run biome's own formatter",
      "quality-gate fixes with ESLint only; run oxlint's own fix",
    ]);
  });

  it("falls back to the gate's own Prettier and ESLint where the repository has neither", async () => {
    const root = toolRepo({
      "package.json": { name: "n" },
      "tsconfig.json": {},
      "src/a.js": UGLY,
    });
    const tools = await loadToolFixers(root, readRepositoryTools(discoverProject(root)));
    expect(tools).toMatchObject({ formatterName: "prettier", linterName: "eslint" });
    expect(await tools.formatter?.format(join(root, "src/a.js"), UGLY)).toBe(
      "var a = 1;\nexport { a };\n",
    );
    expect(typeof tools.linter).toBe("function");
    const scripted = toolRepo({
      "package.json": { name: "s", scripts: { lint: "my-linter ." } },
      "tsconfig.json": {},
    });
    expect(
      (await loadToolFixers(scripted, readRepositoryTools(discoverProject(scripted)))).linter,
    ).toBeUndefined();
  });
});
