import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stagedScope } from "../../src/git/staged-scope.js";
import { createProgram } from "../../src/ladder/create-program.js";

const root = fileURLToPath(new URL("../fixtures/staged", import.meta.url));

describe("stagedScope", () => {
  it("keeps the staged file and its importers, and drops unrelated files", () => {
    const program = createProgram(root);
    const scope = stagedScope(program, [`${root}/src/shared.ts`]);
    expect([...scope].map((file) => file.slice(root.length + 1)).sort()).toEqual([
      "src/reexports-shared.ts",
      "src/shared.ts",
      "src/uses-shared.ts",
    ]);
    const reported = program
      .getSemanticDiagnostics()
      .filter(
        (diagnostic) => diagnostic.file !== undefined && scope.has(diagnostic.file.fileName),
      )
      .map(
        (diagnostic) => `${diagnostic.file!.fileName.slice(root.length + 1)}:${diagnostic.code}`,
      );
    expect(reported).toEqual(["src/uses-shared.ts:2345"]);
  });
});
