// How rung 1 runs a repository's Biome formatter, read from its files: the scope of the script
// that checks (biome format without --write, else biome check or ci), and only the staged
// files' findings under --staged.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { biomeFormatter } from "../../../src/rungs/formatters/biome.js";
import { readTools } from "../../support/read-tools.js";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

function plan(scripts: Record<string, string>) {
  return biomeFormatter.plan(
    readTools({ "package.json": { name: "b", scripts }, "biome.json": {} }),
  );
}

describe("biomeFormatter.plan", () => {
  it("takes the scope of biome format over one that writes, and over biome check", () => {
    expect(
      plan({
        fmt: "biome format --write .",
        check: "biome check lib",
        "fmt:check": "biome format src test",
      }),
    ).toMatchObject({ paths: ["src", "test"], args: [], scripted: true });
  });

  it("takes biome check's or biome ci's scope when no script formats, and not biome lint's", () => {
    expect(plan({ ci: "biome ci --reporter=github app", lint: "biome lint src" })).toMatchObject({
      paths: ["app"],
    });
    expect(plan({ lint: "biome lint src" })).toMatchObject({ paths: ["."], scripted: false });
  });
});

describe("rung 1 with Biome under --staged", { timeout: 120_000 }, () => {
  it("counts only the staged files' findings", async () => {
    const root = toolRepo({
      "package.json": { name: "b", devDependencies: { "@biomejs/biome": "*" } },
      "biome.json": {},
      "tsconfig.json": {},
      "src/a.ts": "export const  a =   1\n",
      "src/b.ts": "export const  b =   1\n",
    });
    const result = await runRung(root, 1, new Set([join(root, "src", "b.ts")]));
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual(["biome/format src/b.ts:1"]);
  });
});
