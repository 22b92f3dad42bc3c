// Rung 1 with the repository's Biome formatter, and without it when biome.json turns it off.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("rung 1 with the repository's Biome", { timeout: 120_000 }, () => {
  const files = {
    "package.json": { name: "b", devDependencies: { "@biomejs/biome": "*" } },
    "tsconfig.json": {},
    "src/index.ts": "export const fine = 1;\n",
    "src/ugly.ts": "export const  ugly =   1\n",
  };

  it("reports what biome format would change, naming Biome and its version", async () => {
    const root = toolRepo({ ...files, "biome.json": { formatter: { indentStyle: "space" } } });
    const result = await runRung(root, 1);
    expect(places(result)).toEqual(["biome/format src/ugly.ts:1"]);
    expect(result.tool).toMatchObject({
      name: "biome",
      source: "repository",
      version: expect.stringMatching(/^2\./) as string,
    });
  });

  it("is not the formatter when biome.json turns its formatter off", async () => {
    const root = toolRepo({ ...files, "biome.json": { formatter: { enabled: false } } });
    expect((await runRung(root, 1)).tool).toMatchObject({ name: "prettier", source: "bundled" });
  });
});
