// The configuration's TypeScript types and JSON schema are generated from the zod schema; the
// committed files must be what the generator writes now (run `npm run generate:config`), and the
// JSON schema must judge config files as the loader does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generateConfigFiles } from "../../src/config/config-codegen.js";
import { configSchema } from "../../src/config/config-schema.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

describe("generated configuration files", { timeout: 30_000 }, () => {
  it("are committed as the generator writes them from the zod schema", async () => {
    const files = await generateConfigFiles(packageDir);
    expect(files.map((file) => file.path)).toEqual([
      "src/config/config-types.ts",
      "schema/config.v1.json",
    ]);
    for (const file of files) {
      const committed = readFileSync(join(packageDir, file.path), "utf8");
      expect(committed, `${file.path} is stale: run npm run generate:config`).toBe(file.content);
    }
  });

  it.each([
    [{}, true],
    [{ $schema: "./schema.json", thresholds: { documentation: 0.95 } }, true],
    [
      {
        rungs: {
          secure: { allowSinks: [{ file: "a.ts", rule: "security/no-eval", reason: "ok" }] },
        },
      },
      true,
    ],
    [{ thresholds: { documentation: 2 } }, false],
    [{ thresholds: { tests: 0.9 } }, false],
    [{ thresholdz: {} }, false],
    [{ rungs: { tested: { coverage: { lines: "90" } } } }, false],
    [
      { rungs: { secure: { allowSinks: [{ file: "a.ts", rule: "no-eval", reason: "ok" }] } } },
      false,
    ],
  ])("the JSON schema and the loader agree on %j", (config, valid) => {
    const schema = JSON.parse(
      readFileSync(join(packageDir, "schema/config.v1.json"), "utf8"),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(config)).toBe(valid);
    // The loader drops $schema before validating; the zod schema itself has no such key.
    const withoutSchema = Object.fromEntries(
      Object.entries(config).filter(([key]) => key !== "$schema"),
    );
    expect(configSchema.safeParse(withoutSchema).success).toBe(valid);
  });
});
