import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { prefetchTsdoc } from "../../src/scorer/prefetch-tsdoc.js";
import { readTsdoc } from "../../src/scorer/read-tsdoc.js";
import { createDialectResolver } from "../../src/scorer/tsdoc-dialect.js";

/** The compiled worker (`npm test` builds before it runs the tests). */
const worker = fileURLToPath(new URL("../../dist/scorer/tsdoc-worker.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "prefetch-tsdoc-"));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ADD = "/** Adds two numbers.\n * @param a - the first\n * @returns the sum\n */";
const SUB = "/** Subtracts {@link b} from a. @internal */";

describe("prefetchTsdoc", () => {
  it("reads every distinct doc comment of the files ahead, as the collector would", () => {
    const file = join(dir, "math.ts");
    writeFileSync(
      file,
      `${ADD}\nexport function add(a: number): number { return a; }\n` +
        `/* not a doc comment */\n${SUB}\nexport const sub = 1;\n${ADD}\nexport const again = 2;\n`,
    );
    const settle = prefetchTsdoc([file, join(dir, "missing.ts")], undefined, worker);
    expect(settle()).toBe(2);
    expect(readTsdoc(ADD).doc).toMatchObject({ summary: "Adds two numbers.", hasReturns: true });
    expect(readTsdoc(SUB).internal).toBe(true);
  });

  it("reads nothing ahead without a compiled worker or without files", () => {
    expect(prefetchTsdoc([join(dir, "math.ts")], undefined, join(dir, "no-worker.js"))()).toBe(0);
    expect(prefetchTsdoc([], undefined, worker)()).toBe(0);
  });

  it("keeps the readings of each file in the cache folder and reuses them while it is unchanged", () => {
    const file = join(dir, "cached.ts");
    const cacheDir = join(dir, "cache");
    const cacheFile = join(cacheDir, "tsdoc.json");
    writeFileSync(file, `${ADD}\nexport function add(a: number): number { return a; }\n`);
    prefetchTsdoc([file], cacheDir, worker)();
    expect(existsSync(cacheFile)).toBe(true);
    // A reading only the cache can know: the next run must take it from there, not parse.
    const stored = readFileSync(cacheFile, "utf8");
    writeFileSync(
      cacheFile,
      stored.replace('"summary":"Adds two numbers."', '"summary":"Cached."'),
    );
    prefetchTsdoc([file], cacheDir, worker)();
    expect(readTsdoc(ADD).doc.summary).toBe("Cached.");
    // An edited file is read again.
    writeFileSync(file, `${ADD}\nexport function add(b: number): number { return b; }\n`);
    prefetchTsdoc([file], cacheDir, worker)();
    expect(readTsdoc(ADD).doc.summary).toBe("Adds two numbers.");
  });

  it("reads every comment when the cache is corrupt, and writes it afresh", () => {
    const file = join(dir, "corrupt.ts");
    const cacheDir = join(dir, "corrupt-cache");
    writeFileSync(file, `${SUB}\nexport const sub = 1;\n`);
    prefetchTsdoc([file], cacheDir, worker)();
    writeFileSync(join(cacheDir, "tsdoc.json"), "{ not json");
    expect(prefetchTsdoc([file], cacheDir, worker)()).toBe(1);
    expect(readTsdoc(SUB).internal).toBe(true);
    expect(JSON.parse(readFileSync(join(cacheDir, "tsdoc.json"), "utf8"))).toMatchObject({
      version: 1,
    });
  });

  it("reads each file with its tsdoc.json, and reads it again when the tsdoc.json changes", () => {
    const project = join(dir, "with-config");
    const file = join(project, "src", "tagged.ts");
    const cacheDir = join(dir, "config-cache");
    const config = (tags: string[]): string =>
      JSON.stringify({
        $schema: "https://developer.microsoft.com/json-schemas/tsdoc/v0/tsdoc.schema.json",
        tagDefinitions: tags.map((tagName) => ({ tagName, syntaxKind: "block" })),
      });
    const comment = "/**\n * Tags it.\n *\n * @since 1.0\n */";
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "package.json"), "{}");
    writeFileSync(join(project, "tsdoc.json"), config(["@since"]));
    writeFileSync(file, `${comment}\nexport const tagged = 1;\n`);
    const reading = () => readTsdoc(comment, createDialectResolver().dialectOf(file)).doc;
    expect(prefetchTsdoc([file], cacheDir, worker)()).toBe(1);
    expect(reading().syntaxErrors).toEqual([]);
    // The file is unchanged, its tsdoc.json is not: the cached reading no longer applies.
    writeFileSync(join(project, "tsdoc.json"), config(["@deprecatedSince"]));
    expect(prefetchTsdoc([file], cacheDir, worker)()).toBe(1);
    expect(reading().syntaxErrors.join("\n")).toMatch(/@since/);
  });
});
