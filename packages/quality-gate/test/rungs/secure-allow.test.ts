// Rung 5's reviewed exceptions: a sink listed in `rungs.secure.allowSinks` for its file passes;
// the same sink elsewhere, or another rule, still fails; an exception must say why.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";

const root = fileURLToPath(new URL("../fixtures/secure-broken", import.meta.url));

async function sinkRules(allowSinks: object[]): Promise<string[]> {
  const config = configSchema.parse({ rungs: { secure: { allowSinks } } });
  const { rungs } = await runLadder({ root, config, rungs: [5], bail: false });
  return (rungs[5]?.findings ?? []).map((finding) => finding.ruleId);
}

describe("rungs.secure.allowSinks", { timeout: 60_000 }, () => {
  it("drops the allowed rule in the allowed file, and only that", async () => {
    const before = await sinkRules([]);
    expect(before).toContain("security/no-dynamic-vm");
    const after = await sinkRules([
      { file: "src/index.ts", rule: "security/no-dynamic-vm", reason: "fixture" },
    ]);
    expect(after).not.toContain("security/no-dynamic-vm");
    expect(after).toHaveLength(before.filter((rule) => rule !== "security/no-dynamic-vm").length);
    expect(
      await sinkRules([{ file: "src/other.ts", rule: "security/no-dynamic-vm", reason: "x" }]),
    ).toEqual(before);
  });

  it("refuses an exception without a reason, or for a rule outside rung 5", () => {
    const parse = (sink: object): unknown =>
      configSchema.parse({ rungs: { secure: { allowSinks: [sink] } } });
    expect(() => parse({ file: "src/a.ts", rule: "security/no-eval", reason: " " })).toThrow(
      /say why this sink is safe/,
    );
    expect(() => parse({ file: "src/a.ts", rule: "no-eval", reason: "legacy" })).toThrow(
      /a rung 5 rule/,
    );
  });
});
