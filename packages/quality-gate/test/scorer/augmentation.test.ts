// A module augmentation is public API only in an entry file: one in a test, or in any other file
// the tsconfig includes, patches types for that file's own use and is not scored.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreRepository } from "../support/score-repository.js";

const root = fileURLToPath(new URL("../fixtures/scorer-augmentation", import.meta.url));

describe("module augmentations", () => {
  it("count only in an entry file", () => {
    const { symbols } = scoreRepository(root);
    expect(symbols.map((symbol) => [symbol.name, symbol.file])).toEqual([
      ["Options", "src/options.ts"],
      ["Options.limit", "src/options.ts"],
      ["Options.verbose", "src/index.ts"],
      ["Registry", "src/index.ts"],
      ["Registry.label", "src/index.ts"],
      ["Shapes.empty", "src/index.ts"],
    ]);
  });
});
