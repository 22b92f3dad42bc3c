// The same name exported by two subpaths is two symbols: report symbols carry the subpath in
// `entry` (absent for "."), findings and baseline keys qualify the name (`./sub:format`), and
// `explain ./sub:format` picks that one. A declaration both entries export is scored once.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { baselineKey } from "../../src/baseline/baseline.js";
import { DEFAULT_CONFIG } from "../../src/config/default-config.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import type { Report } from "../../src/report/build-report.js";
import { scoreRepository } from "../support/score-repository.js";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));
const root = `${fixtures}/scorer-subpaths`;

describe("one name exported by several subpaths", { timeout: 60_000 }, () => {
  it("is one symbol per declaration, each with the subpath it is reached through", () => {
    const { symbols } = scoreRepository(root);
    expect(symbols.map((s) => [s.name, s.entry, s.file, s.doc.missing])).toEqual([
      ["format", undefined, "src/numbers.ts", []],
      ["version", undefined, "src/shared.ts", []],
      ["format", "./sub", "src/dates.ts", ["summary", "param:value", "returns", "example"]],
    ]);
    expect(symbols[0]).not.toHaveProperty("entry");
  });

  it("names the subpath's symbol ./sub:format in findings, so baseline keys do not collide", async () => {
    const { rungs } = await runLadder({ root, config: DEFAULT_CONFIG, rungs: [7], bail: false });
    const findings = rungs[7]?.findings ?? [];
    expect(new Set(findings.map((f) => f.symbol))).toEqual(new Set(["./sub:format"]));
    expect(findings[0]?.message).toMatch(/\.\/sub:format/);
    expect(baselineKey(findings[0]!)).toBe("symbol|subpaths|./sub:format||summary");
    // A main-entry symbol keeps the key it always had.
    const main = { ruleId: "documented/summary", file: "src/numbers.ts", message: "" };
    expect(baselineKey({ ...main, symbol: "format", package: "subpaths", code: "summary" })).toBe(
      "symbol|subpaths|format||summary",
    );
  });

  it("writes a schema-valid report whose symbols carry entry", async () => {
    const run = await runCli(
      ["check", "scorer-subpaths", "--only", "7", "--format", "json"],
      fixtures,
    );
    const report = JSON.parse(run.stdout) as Report;
    const schema = JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../../schema/report.v1.json", import.meta.url)),
        "utf8",
      ),
    ) as object;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors?.[0])).toBe(true);
    expect(report.symbols.map((s) => s.entry)).toEqual([undefined, undefined, "./sub"]);
  });

  it("explains ./sub:format alone, .:format alone, and format under every subpath", async () => {
    const header = (stdout: string) => stdout.split("\n").filter((line) => !line.startsWith(" "));
    const sub = await runCli(["explain", "./sub:format", "scorer-subpaths"], fixtures);
    expect(header(sub.stdout)[0]).toMatch(/^\.\/sub:format \(function\) at src\/dates\.ts:1:/);
    expect(sub.code).toBe(1);
    const main = await runCli(["explain", ".:format", "scorer-subpaths"], fixtures);
    expect(header(main.stdout)[0]).toMatch(/^format \(function\) at src\/numbers\.ts:11:/);
    expect(main.code).toBe(0);
    const both = await runCli(["explain", "format", "scorer-subpaths"], fixtures);
    expect(header(both.stdout).filter((line) => line !== "")).toHaveLength(2);
  });
});
