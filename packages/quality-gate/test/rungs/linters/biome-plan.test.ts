// Rung 2 with Biome's linter: when the repository uses it (biome.json or the package declared,
// its linter not turned off), on its script's scope, warnings failing only with
// --error-on-warnings, and only the staged files' findings counting under --staged.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { biomeLinter } from "../../../src/rungs/linters/biome.js";
import { readTools } from "../../support/read-tools.js";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("biomeLinter.plan", () => {
  it("lints the scope of the script that lints, keeping only --error-on-warnings", () => {
    const planned = biomeLinter.plan(
      readTools({
        "package.json": {
          scripts: {
            fix: "biome lint --write src",
            lint: "biome lint --error-on-warnings --max-diagnostics 20 src test",
          },
        },
        "biome.json": {},
      }),
    );
    expect(planned).toMatchObject({
      paths: ["src", "test"],
      args: ["--error-on-warnings"],
      scripted: true,
      tool: { name: "biome", source: "repository" },
    });
  });

  it("reads biome check and biome ci as linting, and a declared Biome without a config as on", () => {
    const tools = readTools({
      "package.json": {
        devDependencies: { "@biomejs/biome": "*" },
        scripts: { ci: "biome ci lib", fmt: "biome format src" },
      },
    });
    expect(biomeLinter.plan(tools)).toMatchObject({ paths: ["lib"], scripted: true });
  });

  it("is no plan when biome.jsonc turns the linter off, or without Biome", () => {
    const off = readTools({
      "package.json": { devDependencies: { "@biomejs/biome": "*" } },
      "biome.jsonc": '{\n  // the team lints with ESLint\n  "linter": { "enabled": false }\n}\n',
    });
    expect(biomeLinter.plan(off)).toBeUndefined();
    expect(biomeLinter.plan(readTools({ "package.json": { name: "r" } }))).toBeUndefined();
  });
});

describe("rung 2 with Biome's warnings", { timeout: 120_000 }, () => {
  const files = (lint: string) => ({
    "package.json": { name: "b", devDependencies: { "@biomejs/biome": "*" }, scripts: { lint } },
    "biome.json": { linter: { rules: { suspicious: { noDebugger: "warn" } } } },
    "tsconfig.json": {},
    "src/a.ts": "export function f(): void {\n  debugger;\n}\n",
    "src/b.ts": "export function g(): void {\n  debugger;\n}\n",
  });

  it("passes warnings unless the script says --error-on-warnings", async () => {
    const passed = await runRung(toolRepo(files("biome lint src")), 2);
    expect(passed.status).toBe("passed");
    expect(places(passed)).toEqual([
      "biome/lint/suspicious/noDebugger src/a.ts:2",
      "biome/lint/suspicious/noDebugger src/b.ts:2",
    ]);
    expect(passed.findings[0]?.message).toMatch(/\(warning\)$/);
    const strict = await runRung(toolRepo(files("biome lint --error-on-warnings src")), 2);
    expect(strict.status).toBe("failed");
  });

  it("counts only the staged files' findings", async () => {
    const root = toolRepo(files("biome lint src"));
    const result = await runRung(root, 2, new Set([join(root, "src", "b.ts")]));
    expect(places(result)).toEqual(["biome/lint/suspicious/noDebugger src/b.ts:2"]);
  });

  it("reports a biome.json Biome cannot read in Biome's words, as a tool failure", async () => {
    const root = toolRepo({
      ...files("biome lint src"),
      "biome.json": '{ "linter": { "enabled": tru } }\n',
    });
    const result = await runRung(root, 2);
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual(["biome/tool-failed .:1"]);
    expect(result.findings[0]?.message).toMatch(/^biome could not run: /);
  });
});
