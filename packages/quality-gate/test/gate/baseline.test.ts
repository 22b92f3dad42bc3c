// `check --baseline FILE` in real throwaway git repositories: old findings tolerated, new ones
// not, moves harmless, updates that only shrink without --force, corrupt files left untouched.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Baseline } from "../../src/baseline/baseline.js";
import type { Report } from "../../src/report/build-report.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import type { CliRun } from "../support/run-cli.js";
import { ENTRY, createTsRepo } from "../support/ts-repo.js";

let repo: GitRepo;

beforeEach(() => {
  repo = createTsRepo();
});
afterEach(() => {
  repo.remove();
});

async function check(...args: string[]): Promise<CliRun & { report: Report }> {
  const run = await runCli(["check", "--only", "7", "--format", "json", ...args], repo.root);
  return { ...run, report: JSON.parse(run.stdout) as Report };
}

function entries(): Baseline["entries"] {
  return (JSON.parse(readFileSync(join(repo.root, "qg.json"), "utf8")) as Baseline).entries;
}

const freshExport = `${ENTRY}export { fresh } from "./fresh.js";\n`;

describe("check --baseline", { timeout: 60_000 }, () => {
  it("creates a missing baseline, then tolerates the old finding and fails a new one", async () => {
    const created = await check("--baseline", "qg.json");
    expect(created.stderr).toMatch(/Created the baseline qg\.json with \d+ findings/);
    expect(created.code).toBe(0);
    expect(created.report.gate?.tolerated).toBeGreaterThan(0);
    expect(entries().every((entry) => entry.key.includes("oldThing"))).toBe(true);

    repo.write("src/fresh.ts", "export const fresh = (n: number): number => n;\n");
    repo.write("src/index.ts", freshExport);
    const { code, report } = await check("--baseline", "qg.json");
    expect(code).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.symbol))).toEqual(new Set(["fresh"]));
    expect(report.gate?.tolerated).toBe(created.report.gate?.tolerated);
  });

  it("stays valid when the file holding the old finding moves", async () => {
    await check("--baseline", "qg.json");
    repo.git("mv", "src/old.ts", "src/moved.ts");
    repo.write("src/index.ts", ENTRY.replace("./old.js", "./moved.js"));
    const { code, report } = await check("--baseline", "qg.json");
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("--update-baseline only removes fixed entries; --force records new ones", async () => {
    await check("--baseline", "qg.json");
    const recorded = entries().length;
    repo.write("src/fresh.ts", "export const fresh = (n: number): number => n;\n");
    repo.write("src/index.ts", freshExport);
    const updated = await check("--baseline", "qg.json", "--update-baseline");
    expect(updated.code).toBe(1);
    expect(entries()).toHaveLength(recorded);
    const forced = await check("--baseline", "qg.json", "--update-baseline", "--force");
    expect(forced.code).toBe(0);
    expect(entries().some((entry) => entry.key.includes("fresh"))).toBe(true);

    repo.write("src/index.ts", ENTRY);
    const shrunk = await check("--baseline", "qg.json", "--update-baseline");
    expect(shrunk.code).toBe(0);
    expect(shrunk.report.gate?.fixed).toBeGreaterThan(0);
    expect(entries()).toHaveLength(recorded);
  });
});

describe("check --baseline in a partial run", { timeout: 60_000 }, () => {
  it("tolerates known findings under --since without calling the others fixed", async () => {
    await check("--baseline", "qg.json");
    repo.commit("baseline");
    repo.write("src/other.ts", "export const other = 1;\n");
    const { code, report } = await check("--baseline", "qg.json", "--since", "main");
    expect(code).toBe(0);
    expect(report.gate).toEqual({ since: "main", tolerated: 0 });
  });

  it("says on stderr that a partial run does not create a missing baseline", async () => {
    const run = await check("--baseline", "none.json", "--since", "main");
    expect(run.stderr).toMatch(/none\.json does not exist and was not created: a --since run/);
    expect(run.code).toBe(0); // nothing changed since main
  });
});

describe("check --baseline, bad input", () => {
  it("refuses a corrupt baseline with one line and exit 2, and leaves it untouched", async () => {
    repo.write("qg.json", '{ "version": 1, "entries": "oops" ');
    const run = await runCli(["check", "--only", "7", "--baseline", "qg.json"], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/CORRUPT_BASELINE/)]);
    expect(readFileSync(join(repo.root, "qg.json"), "utf8")).toBe(
      '{ "version": 1, "entries": "oops" ',
    );
  });

  it.each([
    [["--update-baseline"], /needs --baseline FILE/],
    [["--baseline", "qg.json", "--force"], /--force only applies to --update-baseline/],
    [["--baseline", "qg.json", "--update-baseline", "--since", "main"], /drop --since/],
  ])("refuses %j with one line and exit 2", async (args, message) => {
    const run = await runCli(["check", "--only", "7", ...args], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
