// A large generated source file (thousands of exported functions in one module, as code
// generators write them) gets the same findings as a small one: the throws check, which once
// searched the rest of the file for each function, still sees exactly the bodies that throw.
// How long such a file takes is measured by bench/large-file.bench.mjs, not here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";
import { tempRepo } from "../support/temp-repo.js";

const COUNT = 3000;
const THROWING = 1500;

const documented = (index: number, extra = ""): string => `/**
 * Adds ${String(index)} to a number.
 *
 * @param x - the number
 * @returns the sum${extra}
 * @example
 * \`\`\`ts
 * add${String(index)}(1);
 * \`\`\`
 */
`;

function generated(): string {
  const parts = ["/**\n * Generated adders.\n *\n * @packageDocumentation\n */\n"];
  for (let index = 0; index < COUNT; index += 1) {
    const body =
      index === THROWING
        ? `  if (x < 0) throw new RangeError("negative");\n  return x + ${String(index)};`
        : index === 10
          ? `  if (x < 0) throw new RangeError("negative");\n  return x + 10;`
          : index === COUNT - 1
            ? `  // We never throw here.\n  return x + ${String(index)};`
            : `  return x + ${String(index)};`;
    const doc = documented(
      index,
      index === 10 ? "\n * @throws RangeError when x is negative" : "",
    );
    parts.push(`${doc}export function add${String(index)}(x: number): number {\n${body}\n}\n\n`);
  }
  return parts.join("");
}

describe("a large generated file", { timeout: 120_000 }, () => {
  it("gets exactly the findings of its functions, wherever they are", async () => {
    const source = generated();
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "generated", type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: true, module: "nodenext", target: "es2022", types: [] },
        include: ["src"],
      }),
      "src/index.ts": source,
    });
    const { code, stdout } = await runCli(
      ["check", "--only", "0,4,7", "--format", "json", "--no-cache"],
      root,
    );
    const report = JSON.parse(stdout) as Report;
    const line =
      source.split("\n").indexOf(`export function add${String(THROWING)}(x: number): number {`) +
      1;
    expect(
      report.findings.map((finding) => [finding.ruleId, finding.symbol, finding.line]),
    ).toEqual([["documented/throws", `add${String(THROWING)}`, line]]);
    expect(report.symbols).toHaveLength(COUNT);
    expect(report.scores.types).toBe(1);
    expect(code).toBe(1);
    expect(readFileSync(join(root, "src/index.ts"), "utf8")).toBe(source);
  });
});
