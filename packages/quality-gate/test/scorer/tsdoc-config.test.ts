// The repository's tsdoc.json is honoured: custom tags (its own and those it extends) are not
// syntax errors in the files it governs, the files of a package without one still read the
// standard tags only, and a tsdoc.json that does not load is a finding of rung 7.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/default-config.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import { scoreRepository } from "../support/score-repository.js";
import { createDialectResolver } from "../../src/scorer/tsdoc-dialect.js";
import { tempRepo } from "../support/temp-repo.js";

const root = fileURLToPath(new URL("../fixtures/scorer-tsdoc-config", import.meta.url));
let scratch: string | undefined;

afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("tsdoc.json", () => {
  it("defines the tags of its package's comments, with what it extends", () => {
    const { symbols } = scoreRepository(root);
    expect(symbols.map((symbol) => [symbol.package, symbol.name, symbol.doc.missing])).toEqual([
      ["plain", "countLines", ["tsdoc-syntax"]],
      ["tagged", "countWords", []],
    ]);
  });

  it("is looked up where its loader looks: the nearest folder with a package.json or tsconfig.json", () => {
    const { dialectOf, loaded } = createDialectResolver();
    const tagged = dialectOf(`${root}/packages/tagged/src/index.ts`);
    expect(tagged.configFile).toBe(`${root}/packages/tagged/tsdoc.json`);
    expect(tagged.problems).toEqual([]);
    expect(dialectOf(`${root}/packages/plain/src/index.ts`).key).toBe("");
    expect(loaded()).toEqual([tagged]);
  });

  it("that does not load fails rung 7 with one finding naming the problem", async () => {
    scratch = tempRepo({
      "package.json": JSON.stringify({ name: "broken", type: "module" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [] } }),
      "tsdoc.json":
        '{ "$schema": "https://developer.microsoft.com/json-schemas/tsdoc/v0/tsdoc.schema.json", "tagDefinitions": [{ "tagName": "since" }] }',
      "src/index.ts":
        "/**\n * One number.\n *\n * @packageDocumentation\n */\n\n/** The number one, as a constant. */\nexport const one: number = 1;\n",
    });
    const { rungs } = await runLadder({
      root: scratch,
      config: DEFAULT_CONFIG,
      rungs: [7],
      bail: false,
    });
    expect(rungs[7]?.status).toBe("failed");
    expect(rungs[7]?.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ["documented/tsdoc-config", "tsdoc.json", 1],
    ]);
    expect(rungs[7]?.findings[0]?.message).toMatch(
      /does not load cleanly: Error loading config file/,
    );
  });
});
