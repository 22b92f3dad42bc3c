// The rubric's `throws` check applies when a body throws on its own: a `throw` in a nested function
// is that function's, and the word in a comment or a string is no throw at all.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "../../src/ladder/create-program.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { collectWorkspace, scoreCollected } from "../../src/scorer/score-workspace.js";

const SOURCE = `
/** Fails. */
export function throwsItself(): void {
  throw new Error("always");
}

/** Hands back a function that fails. */
export function throwsInNestedFunction(): () => never {
  return () => {
    throw new Error("later");
  };
}

/** Says "throw" but does not. */
export function mentionsThrow(): string {
  // We never throw here.
  return "throw";
}

/** Throws from a nested block. */
export function throwsInBlock(flag: boolean): void {
  if (flag) {
    for (;;) {
      throw new RangeError("flag");
    }
  }
}
`;

let root: string;
let needsThrows: Map<string, boolean>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "qg-throws-"));
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src", "index.ts"), SOURCE);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "throws", type: "module" }));
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", types: [] } }),
  );
  const { symbols } = scoreCollected(
    collectWorkspace([createProgram(root)], discoverProject(root)),
  );
  needsThrows = new Map(
    symbols.map((symbol) => [symbol.name, symbol.doc.missing.includes("throws")]),
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the throws check", () => {
  it("applies to a body that throws, directly or from a nested block", () => {
    expect(needsThrows.get("throwsItself")).toBe(true);
    expect(needsThrows.get("throwsInBlock")).toBe(true);
  });

  it("leaves out a throw inside a nested function and the word in a comment or string", () => {
    expect(needsThrows.get("throwsInNestedFunction")).toBe(false);
    expect(needsThrows.get("mentionsThrow")).toBe(false);
  });
});
