// The gate on repositories of the shapes real ones take, each a fixture under fixtures/shapes,
// checked whole (rungs 0-4 and 7): which tool ran each rung, and that a clean repository of each
// shape passes with every exported symbol found. The fixtures borrow this package's installed
// tools (Prettier, ESLint, Vitest, oxlint, oxfmt, Biome, Jest) through a node_modules link.
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../src/report/build-report.js";
import { runCli } from "./support/run-cli.js";

const shapes = fileURLToPath(new URL("fixtures/shapes", import.meta.url));
const modules = fileURLToPath(new URL("../node_modules", import.meta.url));

/** A copy of a shape with the tools installed, so a run cannot touch the fixture itself. */
function shape(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `qg-shape-${name}-`));
  cpSync(join(shapes, name), root, { recursive: true });
  symlinkSync(modules, join(root, "node_modules"), "dir");
  return root;
}

async function check(name: string): Promise<Report> {
  const root = shape(name);
  const run = await runCli(
    ["check", "--only", "0,1,2,3,4,7", "--format", "json", "--no-cache", root],
    root,
  );
  return JSON.parse(run.stdout) as Report;
}

const tools = (report: Report) =>
  Object.fromEntries(
    report.rungs
      .filter((rung) => rung.tool !== undefined)
      .map((rung) => [rung.id, rung.tool?.name]),
  );
const names = (report: Report) =>
  report.symbols.map((symbol) => `${symbol.entry ?? "."}:${symbol.name}`).sort();

describe("repositories of real shapes", { timeout: 300_000 }, () => {
  it.each([
    [
      "dist-exports",
      { 0: "typescript", 1: "prettier", 2: "eslint", 3: "vitest" },
      ["./extra:half", ".:twice"],
    ],
    ["oxc", { 0: "typescript", 1: "oxfmt", 2: "oxlint", 3: "node:test" }, [".:twice"]],
    ["biome-jest", { 0: "typescript", 1: "biome", 2: "biome", 3: "jest" }, [".:twice"]],
    ["tap-script", { 0: "typescript", 1: "prettier", 2: "eslint", 3: "node:test" }, [".:twice"]],
    [
      "solution-workspace",
      { 0: "typescript", 1: "prettier", 2: "eslint", 3: "vitest" },
      [".:quadruple", ".:twice"],
    ],
  ])(
    "%s: each rung runs the shape's own tool and the clean repository passes",
    async (name, expected, symbols) => {
      const report = await check(name);
      expect(tools(report)).toEqual(expected);
      expect(names(report)).toEqual(symbols);
      expect(
        report.findings.filter((finding) => finding.rung !== 3 || name !== "solution-workspace"),
      ).toEqual([]);
    },
  );
});
