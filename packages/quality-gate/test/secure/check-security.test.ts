// Rung 5 on fixtures: every sink, secret and unvalidated JSON.parse is reported where it is, and
// safe code (static commands, env-sourced secrets, allow-listed values, `unknown`) passes.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectPublicExports } from "../../src/scorer/public-surface.js";
import { checkSecurity } from "../../src/secure/check-security.js";
import { entropy, scanSecrets } from "../../src/secure/scan-secrets.js";
import { createProgram } from "../../src/ladder/create-program.js";

async function check(fixture: string, allowSecrets: string[] = []) {
  const root = fileURLToPath(new URL(`../fixtures/${fixture}`, import.meta.url));
  const program = createProgram(root);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(`${root}/src/index.ts`)!;
  const exports = collectPublicExports([entry], checker, new Set());
  return checkSecurity({
    root,
    files: [entry.fileName],
    publicApi: [{ exports, checker }],
    allowSecrets,
  });
}

describe("checkSecurity", () => {
  it("passes safe code, with an allow-listed placeholder", async () => {
    expect(await check("secure-ok", ["example-token-value-0123456789"])).toEqual([]);
  });

  it("reports the placeholder when it is not allow-listed", async () => {
    const problems = await check("secure-ok");
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([["security/hard-coded-secret", 13]]);
  });

  it("reports every sink, secret and leak with its rule and place", async () => {
    const problems = await check("secure-broken");
    expect(problems.map((p) => [p.ruleId, p.file, p.line, p.column, p.symbol])).toEqual([
      ["security/no-eval", "src/index.ts", 25, 3, null],
      ["security/no-new-func", "src/index.ts", 26, 3, null],
      ["security/no-dynamic-exec", "src/index.ts", 27, 3, null],
      ["security/no-dynamic-vm", "src/index.ts", 28, 3, null],
      ["security/hard-coded-secret", "src/index.ts", 9, 17, null],
      ["security/hard-coded-secret", "src/index.ts", 10, 19, null],
      ["security/hard-coded-secret", "src/index.ts", 11, 14, null],
      ["security/unvalidated-json", "src/index.ts", 39, 18, "parseConfig"],
    ]);
    const messages = problems.map((problem) => problem.message).join("\n");
    expect(messages).toMatch(/execFile or spawn/);
    expect(messages).toMatch(/typed as Config.*Return unknown and narrow it/);
    expect(messages).toMatch(/AKIA\*+/);
    expect(messages).not.toMatch(/IOSFODNN7EXAMPLE/);
  });
});

describe("scanSecrets", () => {
  it("ignores low-entropy values assigned to secret-like names", () => {
    expect(scanSecrets('const password = "aaaaaaaaaaaaaaaa";', [])).toEqual([]);
  });

  it("honours /regex/ entries in the allow-list", () => {
    expect(scanSecrets('const token = "q8Zr2LmX9vKp4TcW7nYb3HsJ";', ["/^q8Zr/"])).toEqual([]);
  });

  it("measures entropy in bits per character", () => {
    expect(entropy("")).toBe(0);
    expect(entropy("abab")).toBe(1);
    expect(entropy("abcd")).toBe(2);
  });
});
