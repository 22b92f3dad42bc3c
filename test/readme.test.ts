// The README is the front door: every output it quotes from an example must be what that example
// prints today. Each example runs against the built packages, exactly as a newcomer would run it.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const examples = readdirSync(`${root}packages`).flatMap((pkg) => {
  const dir = `packages/${pkg}/examples`;
  try {
    return readdirSync(`${root}${dir}`)
      .filter((file) => file.endsWith(".mjs"))
      .map((file) => `${dir}/${file}`);
  } catch {
    return [];
  }
});

describe("README", () => {
  it("has examples to check", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("quotes the real output of %s", (example) => {
    expect(readme, `README must mention ${example}`).toContain(example);
    const output = execFileSync(process.execPath, [example], { cwd: root, encoding: "utf8" });
    expect(readme).toContain(output.trimEnd());
  });

  it("gives a newcomer the two quick-start commands", () => {
    expect(readme).toContain("npx --yes pnpm@10 install --frozen-lockfile && npm run precommit");
    expect(readme).toContain("npx --yes pnpm@10 install --frozen-lockfile && npm test");
  });
});
