// How rung 2 runs a repository's oxlint, read from its files: its lint script's scope and
// options, without --fix or a format of its own; commands that lint nothing are not its scope.
import { describe, expect, it } from "vitest";
import { oxlintLinter } from "../../../src/rungs/linters/oxlint.js";
import { readTools } from "../../support/read-tools.js";

function plan(scripts: Record<string, string>, files: Record<string, string | object> = {}) {
  return oxlintLinter.plan(readTools({ "package.json": { name: "o", scripts }, ...files }));
}

describe("oxlintLinter.plan", () => {
  it("keeps the script's options but --fix and its own format", () => {
    expect(
      plan({
        lint: "oxlint --fix -D correctness --format stylish --max-warnings 0 --silent src",
      }),
    ).toMatchObject({
      paths: ["src"],
      args: ["-D", "correctness", "--max-warnings", "0"],
      scripted: true,
      tool: { name: "oxlint", source: "repository" },
    });
  });

  it("prefers a script that checks to one that fixes, and ignores --rules, --init and --lsp", () => {
    expect(
      plan({
        "lint:fix": "oxlint --fix lib",
        lint: "oxlint src",
        rules: "oxlint --rules",
        editor: "oxlint --lsp",
      }),
    ).toMatchObject({ paths: ["src"], args: [] });
    expect(plan({ rules: "oxlint --rules", init: "oxlint --init" })).toBeUndefined();
  });

  it("lints the whole repository when only its config says it uses oxlint", () => {
    expect(plan({}, { ".oxlintrc.json": { rules: {} } })).toMatchObject({
      paths: ["."],
      args: [],
      scripted: false,
    });
  });

  it("is no plan for a repository without oxlint", () => {
    expect(plan({ lint: "eslint ." })).toBeUndefined();
  });
});
