// Rung 2 with the repository's oxlint, without its script's --fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("rung 2 with the repository's oxlint", { timeout: 120_000 }, () => {
  it("reports errors and warnings where they are, fails on errors, and fixes nothing", async () => {
    const code = "export function f() {\n  debugger;\n}\nconst unused = 1;\n";
    const root = toolRepo({
      "package.json": {
        name: "x",
        devDependencies: { oxlint: "*" },
        scripts: { lint: "oxlint --fix src" },
      },
      ".oxlintrc.json": { rules: { "no-debugger": "error", "no-unused-vars": "warn" } },
      "tsconfig.json": {},
      "src/index.ts": code,
    });
    const result = await runRung(root, 2);
    expect(result.status).toBe("failed");
    expect(places(result).sort()).toEqual([
      "oxlint/eslint/no-debugger src/index.ts:2",
      "oxlint/eslint/no-unused-vars src/index.ts:4",
    ]);
    expect(readFileSync(join(root, "src/index.ts"), "utf8")).toBe(code);
  });

  it("counts only the staged files' findings", async () => {
    const root = toolRepo({
      "package.json": {
        name: "x",
        devDependencies: { oxlint: "*" },
        scripts: { lint: "oxlint src" },
      },
      ".oxlintrc.json": { rules: { "no-debugger": "error" } },
      "tsconfig.json": {},
      "src/a.ts": "export function a() {\n  debugger;\n}\n",
      "src/b.ts": "export function b() {\n  debugger;\n}\n",
    });
    const result = await runRung(root, 2, new Set([join(root, "src", "b.ts")]));
    expect(places(result)).toEqual(["oxlint/eslint/no-debugger src/b.ts:2"]);
  });
});
