// Every template, rendered into a throwaway repository that `init` set up, reaches rung 7 with
// documentation, types and tests at 1.0; then the cache module is broken four ways and each break
// is caught by its rung with the exact finding.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../packages/quality-gate/src/report/build-report.js";
import { bareRepo, bareWorkspace, copyRepo, gate } from "./support/bare-repo.js";

function check(root: string): { status: number | null; report: Report } {
  const run = gate(root, "check", "--format", "json");
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  const changed = text.replace(from, to);
  expect(changed, `${String(from)} in ${file}`).not.toBe(text);
  writeFileSync(file, changed);
}

let repo = "";
let workspace = "";
beforeAll(() => {
  repo = bareRepo();
  workspace = bareWorkspace();
  for (const root of [repo, workspace]) expect(gate(root, "init").status).toBe(0);
});

describe("templates at the top of the ladder", { timeout: 180_000 }, () => {
  it.each([
    ["module", "OrderTotals", "src/order-totals.ts"],
    ["cache", "UserCache", "src/user-cache.ts"],
    ["variety-cache", "SnippetCache", "src/snippet-cache.ts"],
    ["package", "BillingRules", "packages/billing-rules/src/index.ts"],
  ])("new %s %s reaches rung 7 with scores of 1.0", (template, name, file) => {
    const root = copyRepo(template === "package" ? workspace : repo);
    const scaffolded = gate(root, "new", template, name);
    expect(scaffolded.stderr).toBe("");
    expect(scaffolded.stdout).toContain(`  ${file}\n`);
    const { status, report } = check(root);
    expect(report.findings).toEqual([]);
    expect(report.reached).toBe(7);
    expect(report.scores).toMatchObject({ documentation: 1, types: 1, tests: 1 });
    expect(report.symbols.some((symbol) => symbol.file === file)).toBe(true);
    expect(status).toBe(0);
  });

  it("catches each of four breaks at its rung, with the exact finding", () => {
    const root = copyRepo(repo);
    expect(gate(root, "new", "cache", "UserCache").status).toBe(0);
    const source = join(root, "src/user-cache.ts");
    edit(
      source,
      "   * @param id - the record's identifier\n   * @returns the record;",
      "   * @returns the record;",
    );
    edit(source, "invalidate(id: string): boolean", "invalidate(id: any): boolean");
    edit(source, "const loadChannel = ", "const loadChannel   =   ");
    edit(
      join(root, "test/user-cache.test.ts"),
      'toEqual({ id: "1", name: "Record 1" });',
      'toEqual({ id: "1", name: "Record 2" });',
    );

    const { status, report } = check(root);
    expect(status).toBe(1);
    const found = report.findings.map((f) => [f.rung, f.ruleId, f.file, f.symbol ?? null]);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, "prettier/format", "src/user-cache.ts", null],
        [3, "vitest/failed-test", "test/user-cache.test.ts", null],
        [4, "typed/any", "src/user-cache.ts", "UserCache.invalidate"],
        [7, "documented/param", "src/user-cache.ts", "UserCache.get"],
      ]),
    );
    const get = report.symbols.find((symbol) => symbol.name === "UserCache.get");
    expect(get?.doc.missing).toEqual(["param:id"]);
    const invalidate = report.symbols.find((symbol) => symbol.name === "UserCache.invalidate");
    expect(invalidate?.types.missing).toEqual(["any:param:id"]);
  });
});
