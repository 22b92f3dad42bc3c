// The sarif format: valid against the official SARIF 2.1.0 schema (vendored in
// test/fixtures/sarif-schema), for a built report and for a real run on a broken fixture, with
// every rule declared once and every result pointing at its file, line and column.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { SRCROOT, sarifReporter, toSarif } from "../../src/reporters/sarif.js";
import { runCli } from "../support/run-cli.js";
import { finding, sampleReport } from "./sample-report.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

/** The official schema is draft-04; Ajv 8 reads it as draft-07 once `id` is `$id` (see README). */
function sarifValidator(): ValidateFunction {
  const file = new URL("../fixtures/sarif-schema/sarif-schema-2.1.0.json", import.meta.url);
  const { $schema, id, ...schema } = JSON.parse(readFileSync(file, "utf8")) as Record<
    string,
    unknown
  >;
  expect($schema).toBe("http://json-schema.org/draft-04/schema#");
  const ajv = new Ajv({ allErrors: true, strict: false });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: id as string });
}

const validate = sarifValidator();

function expectValid(log: unknown): void {
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

interface Log {
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          help: { text: string };
          helpUri?: string;
          properties: { rung: number };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
    properties: { passed: boolean; reached: number; target: number };
  }[];
}

const findings = [
  finding({}),
  finding({ line: 8, column: 2 }),
  finding({
    ruleId: "documented/param",
    rung: 7,
    file: "packages/cache/src/ttl cache#1.ts",
    symbol: "TtlCache.get",
    code: "param:key",
    message: "TtlCache.get: document the parameter with `@param key - <what it is>`.",
  }),
  finding({
    ruleId: "typescript/TS2322",
    rung: 0,
    line: 19,
    column: 9,
    message: "Type 'string' is not assignable to type 'number'.",
  }),
  finding({
    ruleId: "vitest/tool-failed",
    rung: 3,
    file: ".",
    line: 1,
    column: 1,
    message: "vitest could not run.",
  }),
];

describe("toSarif on a built report", () => {
  const log = toSarif(sampleReport(findings)) as unknown as Log;
  const run = log.runs[0];

  it("is valid against the official SARIF 2.1.0 schema", () => {
    expectValid(log);
  });

  it("declares each rule once, sorted, with its rung, help text and documentation link", () => {
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual([
      "documented/param",
      "eslint/no-var",
      "typescript/TS2322",
      "vitest/tool-failed",
    ]);
    expect(rules.map((rule) => rule.properties.rung)).toEqual([7, 2, 0, 3]);
    expect(rules[0]?.help.text).toContain("@param");
    expect(rules[1]?.helpUri).toBe("https://eslint.org/docs/latest/rules/no-var");
    expect(run?.tool.driver).toMatchObject({ name: "quality-gate", version: "0.1.0" });
  });

  it("gives each finding an error result at its file (relative, percent-encoded), line and column", () => {
    expect(run?.results).toHaveLength(findings.length);
    expect(run?.results[2]).toMatchObject({
      ruleId: "documented/param",
      ruleIndex: 0,
      level: "error",
      message: { text: findings[2]?.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: "packages/cache/src/ttl%20cache%231.ts",
              uriBaseId: SRCROOT,
            },
            region: { startLine: 3, startColumn: 5 },
          },
        },
      ],
    });
    for (const result of run?.results ?? [])
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it("carries the ladder's verdict in the run's properties", () => {
    expect(run?.properties).toEqual({ target: 7, reached: 1, passed: false });
  });

  it("is checked by a validator that rejects what the schema forbids", () => {
    const region = { startLine: 0, startColumn: 1 };
    const bad = JSON.parse(JSON.stringify(log)) as Log;
    const location = bad.runs[0]?.results[0]?.locations[0];
    if (location !== undefined) location.physicalLocation.region = region;
    expect(validate(bad)).toBe(false);
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
  });

  it("is valid with no findings: no rules, no results", () => {
    const empty = toSarif(sampleReport([], 7)) as unknown as Log;
    expectValid(empty);
    expect(empty.runs[0]?.results).toEqual([]);
    expect(JSON.parse(sarifReporter.render(sampleReport([], 7), { color: true }))).toEqual(empty);
  });
});

describe("sarif on a real run", { timeout: 60_000 }, () => {
  it("reports the broken-lint fixture's finding in a schema-valid log", async () => {
    const run = await runCli(
      ["check", "broken-lint", "--only", "0,1,2", "--format", "sarif"],
      fixtures,
    );
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    expectValid(log);
    expect(log.runs[0]?.results).toEqual([
      expect.objectContaining({
        ruleId: "eslint/@typescript-eslint/no-unused-vars",
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "src/index.ts", uriBaseId: SRCROOT },
              region: { startLine: 19, startColumn: 9 },
            },
          },
        ],
      }),
    ]);
    expect(log.runs[0]?.tool.driver.rules[0]?.helpUri).toBe(
      "https://typescript-eslint.io/rules/no-unused-vars",
    );
  });
});
