// Which rung 4 and 7 findings the fix can place on a declaration, read from the fixture in memory.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/default-config.js";
import { fixSymbols } from "../../src/fix/fix-symbols.js";
import type { Finding } from "../../src/ladder/finding.js";
import { discoverProject } from "../../src/project/discover-project.js";

const root = fileURLToPath(new URL("../fixtures/fixable", import.meta.url));

function finding(fields: Partial<Finding>): Finding {
  return {
    ruleId: "typed/x",
    rung: 4,
    file: "src/values.ts",
    line: 4,
    column: 1,
    symbol: "defaults",
    message: "",
    ...fields,
  };
}

describe("fixSymbols", { timeout: 60_000 }, () => {
  it("leaves findings it cannot place, saying why, and writes nothing for them", () => {
    const texts = new Map<string, string>();
    const outcomes = fixSymbols(
      {
        repository: discoverProject(root),
        config: DEFAULT_CONFIG,
        rungs: [4, 7],
        findings: [
          finding({ ruleId: "typed/unresolved-export", symbol: null }),
          finding({ rung: 7, file: "src/elsewhere.ts", code: "returns" }),
          finding({ line: 9, code: "property-type:defaults" }),
          finding({ rung: 2, code: "property-type:defaults" }),
        ],
        tools: () => Promise.reject(new Error("not needed")),
      },
      texts,
    );
    expect(outcomes.map((outcome) => outcome.note)).toEqual([
      "not about one declaration; see the finding's message",
      "its file is in no TypeScript project",
      "no declaration of it starts on line 9",
    ]);
    expect(texts.size).toBe(0);
  });
});
