// `quality-gate fix` end to end on throwaway git copies of two fixtures: `fixable` (one of every
// finding the fix can write) and `unfixable` (what it must leave, each with its reason).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { fixtureRepo } from "../support/fixture-repo.js";
import type { GitRepo } from "../support/git-repo.js";
import { runCli } from "../support/run-cli.js";
import { snapshot } from "../support/temp-repo.js";

const repos: GitRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function repo(name: string): GitRepo {
  const created = fixtureRepo(name);
  repos.push(created);
  return created;
}

async function check(root: string, only: string): Promise<Report> {
  const run = await runCli(
    ["check", ".", "--only", only, "--format", "json", "--no-cache"],
    root,
  );
  return JSON.parse(run.stdout) as Report;
}

/** What a person still has to write after the fix: the codes of rung 7, by symbol. */
const DESCRIPTIONS_LEFT = [
  "Box.grow param:by",
  "Box.grow returns",
  "load returns",
  "makePair param:size",
  "makePair returns",
  "makePair throws",
  "scale param:by",
  "scale returns",
];

describe("quality-gate fix", { timeout: 120_000 }, () => {
  it("writes every fixable finding, after which rungs 0 and 4 pass and a second fix changes nothing", async () => {
    const fixable = repo("fixable");
    const dry = await runCli(["fix", ".", "--dry-run", "--no-cache"], fixable.root);
    await expect(dry.stdout).toMatchFileSnapshot("__snapshots__/fixable.diff");
    expect(fixable.git("status", "--porcelain")).toBe("");

    const fixed = await runCli(["fix", ".", "--no-cache"], fixable.root);
    expect(fixed.code).toBe(1); // the drafted descriptions remain
    expect(fixed.stdout).toContain("fixed    src/make.ts\nfixed    src/values.ts\n");
    expect(fixed.stdout).toContain("done     src/values.ts:4 defaults (typed/property-type)");
    // The dry run's diff is exactly what was written: it applies in reverse to the result.
    writeFileSync(join(fixable.root, "fix.diff"), dry.stdout);
    fixable.git("apply", "--reverse", "--check", "fix.diff");
    rmSync(join(fixable.root, "fix.diff"));

    const report = await check(fixable.root, "0,4");
    expect(report.rungs.slice(0, 5).map((rung) => rung.status)).toEqual([
      "passed",
      "not-run",
      "not-run",
      "not-run",
      "passed",
    ]);
    expect((await check(fixable.root, "1,2")).findings).toEqual([]);

    const before = snapshot(fixable.root);
    const again = await runCli(["fix", ".", "--no-cache"], fixable.root);
    expect(again.stdout).not.toContain("fixed ");
    expect(snapshot(fixable.root)).toEqual(before);

    const documented = await check(fixable.root, "7");
    const left = documented.findings.map(
      (finding) => `${finding.symbol ?? ""} ${finding.code ?? ""}`,
    );
    expect(left.sort()).toEqual(DESCRIPTIONS_LEFT);
  });

  it("leaves any, unnameable, too wide and parameter types to a person, saying why", async () => {
    const unfixable = repo("unfixable");
    const run = await runCli(["fix", ".", "--only", "4,7", "--dry-run"], unfixable.root);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    const reasons = run.stderr.split("\n").filter((line) => line !== "");
    expect(reasons).toEqual([
      expect.stringMatching(
        /^left {5}src\/unfixable\.ts:11 parse \(typed\/return-type\): the inferred type any is or contains any/,
      ),
      expect.stringMatching(/parse \(typed\/any\): the type is any/),
      expect.stringMatching(
        /wide \(typed\/return-type\): the inferred type is 100 characters, wider than rungs\.typed\.maxInferredTypeWidth \(60\)/,
      ),
      expect.stringMatching(
        /widget \(typed\/return-type\): the inferred type \{ readonly id: 1; readonly secret: 2; \} mentions a type that cannot be named here/,
      ),
      expect.stringMatching(
        /report \(typed\/param-type\): a parameter's type is what its author means to accept/,
      ),
      expect.stringMatching(/report \(typed\/any\)/),
    ]);
  });

  it("refuses a file with unstaged changes unless --force, and writes the others", async () => {
    const fixable = repo("fixable");
    const values = join(fixable.root, "src/values.ts");
    const edited = `${readFileSync(values, "utf8")}// a note not yet staged\n`;
    writeFileSync(values, edited);
    const run = await runCli(["fix", ".", "--only", "4"], fixable.root);
    expect(run.stdout).toContain("fixed    src/make.ts\n");
    expect(run.stdout).toContain(
      "refused  src/values.ts: it has changes git has not staged (stage or commit them, or pass --force)",
    );
    expect(run.code).toBe(1);
    expect(readFileSync(values, "utf8")).toBe(edited);
    const forced = await runCli(["fix", ".", "--only", "4", "--force"], fixable.root);
    expect(forced.stdout).toBe(
      "fixed    src/values.ts\n" +
        "done     src/values.ts:4 defaults (typed/property-type): added type { shape: Shape; retries: number; }\n" +
        "done     src/values.ts:16 double (typed/return-type): added return type number\n",
    );
    expect(forced.code).toBe(0);
  });

  it("fixes only what changed since a ref with --since", async () => {
    const fixable = repo("fixable");
    fixable.git("checkout", "--quiet", "-b", "feature");
    const values = join(fixable.root, "src/values.ts");
    writeFileSync(
      values,
      readFileSync(values, "utf8")
        .replace("three retries", "two retries")
        .replace("retries: 3", "retries: 2"),
    );
    fixable.commit("fewer retries");
    const run = await runCli(
      ["fix", ".", "--only", "4", "--since", "main", "--dry-run"],
      fixable.root,
    );
    expect(run.stdout).toContain("+++ b/src/values.ts\n");
    expect(run.stdout).not.toContain("src/make.ts");
    expect(run.stdout).not.toContain("double");
  });

  it("fixes with check --fix, then reports the fixed repository", async () => {
    const fixable = repo("fixable");
    const run = await runCli(
      ["check", ".", "--fix", "--only", "0,4", "--format", "json"],
      fixable.root,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("fixed    src/make.ts\n");
    expect((JSON.parse(run.stdout) as Report).passed).toBe(true);
  });

  it("refuses to write outside git without --force, and a rung without fixes, with exit 2", async () => {
    const fixable = repo("fixable");
    rmSync(join(fixable.root, ".git"), { recursive: true });
    const outside = await runCli(["fix", ".", "--only", "4"], fixable.root);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(
      /is not in a git repository, so git could not undo the fix; pass --force .*\[NOT_A_GIT_REPOSITORY\]\n$/,
    );
    const usage = await runCli(["fix", ".", "--only", "0,4"], fixable.root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain(
      "--only 0,4: fix knows rungs 1 (formatted), 2 (linted), 4 (typed) and 7 (documented)",
    );
  });
});

describe("quality-gate fix on this repository", { timeout: 120_000 }, () => {
  it("has nothing to write for rungs 4 and 7, and prints nothing", async () => {
    const root = fileURLToPath(new URL("../../../..", import.meta.url));
    const run = await runCli(["fix", ".", "--only", "4,7", "--dry-run"], root);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
