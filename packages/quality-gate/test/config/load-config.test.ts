// Configuration: defaults, .json and .ts files, and defineConfig.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defineConfig } from "../../src/config/define-config.js";
import { loadConfig } from "../../src/config/load-config.js";
import { scoreThresholds } from "../../src/config/score-thresholds.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-config-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("loadConfig", () => {
  it("fills every default when there is no file", async () => {
    const { config, file } = await loadConfig(dir, undefined, dir);
    expect(file).toBeUndefined();
    expect(config.thresholds).toEqual({ documentation: 1, types: 1, lint: 1, overall: 0.9 });
    expect(config.rungs.tested.coverage).toEqual({ lines: 90, branches: 90 });
  });

  it("gives an empty config file the same configuration as no file", async () => {
    // Without a file the defaults are returned as they are, without the schema: the two must agree.
    const { config: withoutFile } = await loadConfig(dir, undefined, dir);
    writeFileSync(join(dir, "quality-gate.config.json"), "{}");
    const { config: fromEmptyFile } = await loadConfig(dir, undefined, dir);
    expect(fromEmptyFile).toEqual(withoutFile);
  });

  it("hands out defaults nobody can change for the next run", async () => {
    const { config } = await loadConfig(dir, undefined, dir);
    expect(() => {
      (config.include as string[]).push("**/*.md");
    }).toThrow(TypeError);
  });

  it("reads quality-gate.config.json and merges it over the defaults", async () => {
    writeFileSync(
      join(dir, "quality-gate.config.json"),
      JSON.stringify({ thresholds: { types: 0.5 } }),
    );
    const { config } = await loadConfig(dir, undefined, dir);
    expect(config.thresholds.types).toBe(0.5);
    expect(config.thresholds.documentation).toBe(1);
  });

  it("accepts the $schema key an editor reads a JSON config's schema from", async () => {
    writeFileSync(
      join(dir, "quality-gate.config.json"),
      JSON.stringify({
        $schema: "./node_modules/@ladder/quality-gate/schema/config.v1.json",
        exclude: ["gen/**"],
      }),
    );
    const { config } = await loadConfig(dir, undefined, dir);
    expect(config.exclude).toEqual(["gen/**"]);
    expect(config).not.toHaveProperty("$schema");
  });

  it("loads quality-gate.config.ts on Node 20 through jiti", async () => {
    writeFileSync(
      join(dir, "quality-gate.config.ts"),
      'const config: { exclude: string[] } = { exclude: ["generated/**"] };\nexport default config;\n',
    );
    const { config, file } = await loadConfig(dir, undefined, dir);
    expect(file).toBe(join(dir, "quality-gate.config.ts"));
    expect(config.exclude).toEqual(["generated/**"]);
  });
});

describe("defineConfig", () => {
  it("returns the configuration unchanged, for types", () => {
    const config = { weights: { lint: 0 } };
    expect(defineConfig(config)).toBe(config);
  });
});

describe("loadConfig failures", () => {
  it("reports a .ts config that throws as unreadable, with the reason", async () => {
    writeFileSync(join(dir, "quality-gate.config.ts"), 'throw new Error("no config today");\n');
    await expect(loadConfig(dir, undefined, dir)).rejects.toMatchObject({
      code: "CONFIG_UNREADABLE",
    });
    await expect(loadConfig(dir, undefined, dir)).rejects.toThrow(/no config today/);
  });

  it("names an unknown top-level key", async () => {
    writeFileSync(join(dir, "quality-gate.config.json"), JSON.stringify({ thresholdz: {} }));
    await expect(loadConfig(dir, undefined, dir)).rejects.toThrow(/unknown key "thresholdz"/);
  });

  it("says where line coverage moved when the old thresholds.tests key is used", async () => {
    // Line coverage was set twice: thresholds.tests (0.9) and rungs.tested.coverage.lines (90).
    writeFileSync(
      join(dir, "quality-gate.config.json"),
      JSON.stringify({ thresholds: { tests: 0.85 } }),
    );
    const error = await loadConfig(dir, undefined, dir).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "CONFIG_INVALID" });
    expect((error as Error).message).toBe(
      'quality-gate.config.json: "thresholds.tests" moved: line coverage is set once, as rungs.tested.coverage.lines in percent (it fails rung 3 and is the tests score\'s minimum): write rungs: { tested: { coverage: { lines: 85 } } } instead.',
    );
  });

  it("sets the tests score's threshold from the one line coverage setting", async () => {
    writeFileSync(
      join(dir, "quality-gate.config.json"),
      JSON.stringify({ rungs: { tested: { coverage: { lines: 75 } } } }),
    );
    const { config } = await loadConfig(dir, undefined, dir);
    expect(scoreThresholds(config)).toEqual({
      documentation: 1,
      types: 1,
      tests: 0.75,
      lint: 1,
      overall: 0.9,
    });
  });

  it("names a value of the wrong type at the root", async () => {
    writeFileSync(join(dir, "quality-gate.config.json"), "[]");
    await expect(loadConfig(dir, undefined, dir)).rejects.toThrow(/"\(root\)"/);
  });
});
