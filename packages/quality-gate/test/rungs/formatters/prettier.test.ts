// Rung 1 with the repository's Prettier: its version, its config, the scope of its own script,
// .gitignore and .prettierignore honoured; a file it cannot parse is that file's finding only.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

const UGLY = "export const  ugly =   1;\n";
const FINE = "export const fine = 1;\n";

describe("rung 1 with the repository's Prettier", { timeout: 120_000 }, () => {
  it("checks what the repository's script checks, with its config, and names its Prettier", async () => {
    const root = toolRepo({
      "package.json": {
        name: "p",
        devDependencies: { prettier: "*" },
        scripts: { "format:check": "prettier --check src" },
      },
      ".prettierrc.json": { semi: false },
      "tsconfig.json": {},
      "src/index.ts": "export const fine = 1\n",
      "src/semi.ts": FINE,
      "scripts/outside.ts": UGLY,
    });
    const result = await runRung(root, 1);
    expect(places(result)).toEqual(["prettier/format src/semi.ts:1"]);
    expect(result.tool).toMatchObject({ name: "prettier", source: "repository" });
    expect(result.tool?.version).toMatch(/^3\./);
  });

  it("checks the whole repository without a script, but not what git or Prettier ignore", async () => {
    const root = toolRepo({
      "package.json": { name: "p", devDependencies: { prettier: "*" } },
      ".gitignore": "build/\n",
      ".prettierignore": "generated.ts\n",
      "tsconfig.json": {},
      "src/index.ts": UGLY,
      "build/out.ts": UGLY,
      "generated.ts": UGLY,
      "README.md": "#  Title\n",
    });
    expect(places(await runRung(root, 1))).toEqual([
      "prettier/format README.md:1",
      "prettier/format src/index.ts:1",
    ]);
  });

  it("reports a file it cannot parse in its place, and still checks the others", async () => {
    const root = toolRepo({
      "package.json": { name: "p", devDependencies: { prettier: "*" } },
      "tsconfig.json": {},
      "src/broken.ts": "export const = ;\n",
      "src/ugly.ts": UGLY,
    });
    const result = await runRung(root, 1);
    expect(places(result)).toEqual([
      "prettier/tool-failed src/broken.ts:1",
      "prettier/format src/ugly.ts:1",
    ]);
    expect(result.findings[0]?.message).toMatch(/^prettier could not check this file: /);
  });
});
