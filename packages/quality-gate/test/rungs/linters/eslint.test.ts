// Rung 2 with the repository's ESLint: its flat config, its script's scope and --max-warnings;
// a config its ESLint cannot load is a finding with ESLint's own words, not a crash.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { toolRepo } from "../../support/tool-repo.js";

const CONFIG = 'export default [{ rules: { "no-var": "error", "prefer-const": "warn" } }];\n';

function repo(lint: string, extra: Record<string, string | object> = {}) {
  return toolRepo({
    "package.json": {
      name: "e",
      type: "module",
      devDependencies: { eslint: "*" },
      scripts: { lint },
    },
    "eslint.config.js": CONFIG,
    "tsconfig.json": {},
    "src/a.js": "var a = 1;\nexport { a };\n",
    "src/b.js": "let b = 1;\nexport { b };\n",
    "scripts/c.js": "var c = 1;\nexport { c };\n",
    ...extra,
  });
}

describe("rung 2 with the repository's ESLint", { timeout: 120_000 }, () => {
  it("lints the script's scope with the repository's config, failing on its errors", async () => {
    const result = await runRung(repo("eslint src"), 2);
    expect(result.status).toBe("failed");
    expect(places(result)).toEqual([
      "eslint/no-var src/a.js:1",
      "eslint/prefer-const src/b.js:1",
    ]);
    expect(result.tool).toMatchObject({
      name: "eslint",
      source: "repository",
      note: "flat config",
    });
  });

  it("passes warnings as the repository's ESLint does, unless its script sets --max-warnings", async () => {
    const clean = { "src/a.js": "const a = 1;\nexport { a };\n" };
    expect((await runRung(repo("eslint src", clean), 2)).status).toBe("passed");
    expect((await runRung(repo("eslint --max-warnings 0 src", clean), 2)).status).toBe("failed");
  });

  it("reports a config its ESLint cannot load in ESLint's own words", async () => {
    const result = await runRung(
      repo("eslint .", { "eslint.config.js": 'throw new Error("this config is broken");\n' }),
      2,
    );
    expect(places(result)).toEqual(["eslint/tool-failed .:1"]);
    expect(result.findings[0]?.message).toMatch(/this config is broken/);
  });

  it("says why ESLint stopped, past its crash banner", async () => {
    const result = await runRung(repo("eslint lib", { "lib/c.ts": "export {};\n" }), 2);
    expect(result.findings[0]?.message).toMatch(
      /^eslint could not run: You are linting "lib", but all of the files/,
    );
  });
});
