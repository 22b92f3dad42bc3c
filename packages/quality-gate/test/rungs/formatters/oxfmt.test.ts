// Rung 1 with the repository's oxfmt: the files it would change, never its default (writing) mode.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

describe("rung 1 with the repository's oxfmt", { timeout: 120_000 }, () => {
  it("lists the files oxfmt would change and changes none of them", async () => {
    const ugly = "export const  ugly =   1\n";
    const root = toolRepo({
      "package.json": {
        name: "o",
        devDependencies: { oxfmt: "*" },
        scripts: { fmt: "oxfmt src" },
      },
      ".oxfmtrc.json": {},
      "tsconfig.json": {},
      "src/index.ts": "export const fine = 1;\n",
      "src/ugly.ts": ugly,
    });
    const result = await runRung(root, 1);
    expect(places(result)).toEqual(["oxfmt/format src/ugly.ts:1"]);
    expect(result.tool).toMatchObject({ name: "oxfmt", source: "repository" });
    expect(readFileSync(join(root, "src/ugly.ts"), "utf8")).toBe(ugly);
  });
});
