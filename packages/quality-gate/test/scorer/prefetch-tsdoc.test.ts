import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { prefetchTsdoc } from "../../src/scorer/prefetch-tsdoc.js";
import { readTsdoc } from "../../src/scorer/read-tsdoc.js";

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
    const settle = prefetchTsdoc([file, join(dir, "missing.ts")], worker);
    expect(settle()).toBe(2);
    expect(readTsdoc(ADD).doc).toMatchObject({ summary: "Adds two numbers.", hasReturns: true });
    expect(readTsdoc(SUB).internal).toBe(true);
  });

  it("reads nothing ahead without a compiled worker or without files", () => {
    expect(prefetchTsdoc([join(dir, "math.ts")], join(dir, "no-worker.js"))()).toBe(0);
    expect(prefetchTsdoc([], worker)()).toBe(0);
  });
});
