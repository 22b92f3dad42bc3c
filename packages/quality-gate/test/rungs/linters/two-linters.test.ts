// A repository that lints with two tools (oxlint for speed, then ESLint for what oxlint lacks)
// passes rung 2 when both pass, and fails with both tools' findings.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

function repo(code: string) {
  return toolRepo({
    "package.json": {
      name: "two",
      type: "module",
      devDependencies: { oxlint: "*", eslint: "*" },
      scripts: { lint: "oxlint src && eslint src" },
    },
    ".oxlintrc.json": { rules: { "no-debugger": "error" } },
    "eslint.config.js": 'export default [{ rules: { "no-var": "error" } }];\n',
    "tsconfig.json": {},
    "src/index.js": code,
  });
}

describe("rung 2 with two linters in the lint script", { timeout: 120_000 }, () => {
  it("fails with each tool's findings, naming the first tool and the other in its note", async () => {
    const result = await runRung(repo("var a = 1;\ndebugger;\nexport { a };\n"), 2);
    expect(result.status).toBe("failed");
    expect(places(result).sort()).toEqual([
      "eslint/no-var src/index.js:1",
      "oxlint/eslint/no-debugger src/index.js:2",
    ]);
    expect(result.tool?.name).toBe("oxlint");
    expect(result.tool?.note).toMatch(/^also ran eslint \d/);
  });

  it("passes when both tools pass", async () => {
    const result = await runRung(repo("const a = 1;\nexport { a };\n"), 2);
    expect(result.status).toBe("passed");
  });
});
