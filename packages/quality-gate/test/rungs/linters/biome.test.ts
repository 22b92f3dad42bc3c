// Rung 2 with the repository's Biome linter.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("rung 2 with the repository's Biome", { timeout: 120_000 }, () => {
  it("reports Biome's lint rules by name and fails on an error", async () => {
    const root = toolRepo({
      "package.json": {
        name: "b",
        devDependencies: { "@biomejs/biome": "*" },
        scripts: { lint: "biome lint src" },
      },
      "biome.json": {},
      "tsconfig.json": {},
      "src/index.ts": "export function f(): void {\n  debugger;\n}\n",
    });
    const result = await runRung(root, 2);
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual(["biome/lint/suspicious/noDebugger src/index.ts:2"]);
    expect(result.tool).toMatchObject({ name: "biome", source: "repository" });
  });
});
