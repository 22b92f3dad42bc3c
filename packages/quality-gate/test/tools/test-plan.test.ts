import { describe, expect, it } from "vitest";
import type { RepositoryTools } from "../../src/tools/repository-tools.js";
import { planTests } from "../../src/tools/test-plan.js";

function tools(scripts: Record<string, string>): RepositoryTools {
  return {
    root: "/repo",
    scripts,
    commands: [],
    lintStaged: {},
    declares: () => false,
    file: () => undefined,
    installed: () => undefined,
    manifestKeys: new Set(),
  };
}

const words = (plan: ReturnType<typeof planTests>) => ({
  prelude: plan?.prelude.map((step) =>
    step.kind === "script"
      ? `script:${step.name}`
      : [step.command.program, ...step.command.args].join(" "),
  ),
  runner: plan?.runner && [plan.runner.name, ...plan.runner.command.args].join(" "),
  skipped: plan?.skipped,
});

describe("planTests", () => {
  it("keeps the builds before the runner and leaves the checks to the other rungs", () => {
    expect(
      words(planTests(tools({ test: "tsc -b packages/* && eslint . && vitest run --coverage" }))),
    ).toEqual({
      prelude: ["tsc -b packages/*"],
      runner: "vitest run --coverage",
      skipped: ["eslint ."],
    });
  });

  it("follows the scripts a test script calls, and runs pretest first", () => {
    const plan = planTests(
      tools({
        pretest: "npm run build",
        test: "yarn lint && yarn testonly",
        lint: "eslint src",
        testonly: "vitest run",
      }),
    );
    expect(words(plan)).toEqual({
      prelude: ["script:pretest"],
      runner: "vitest run",
      skipped: ["yarn lint"],
    });
  });

  it("recognises node:test, coverage wrappers, and what follows the runner", () => {
    expect(words(planTests(tools({ test: "node --test 'test/**/*.ts'" }))).runner).toBe(
      "node:test --test test/**/*.ts",
    );
    // A wrapper stays around a runner run as the script runs it, and comes off Vitest and Jest.
    expect(planTests(tools({ test: "c8 mocha test" }))?.runner?.command.program).toBe("c8");
    expect(words(planTests(tools({ test: "c8 vitest run" }))).runner).toBe("vitest run");
    expect(words(planTests(tools({ test: "vitest run && yarn test:build" }))).skipped).toEqual([
      "yarn test:build",
    ]);
  });

  it("finds no runner in a script that runs every package's (pnpm -r test), so it runs whole", () => {
    expect(planTests(tools({ test: "pnpm -r test" }))?.runner).toBeUndefined();
    expect(planTests(tools({}))).toBeUndefined();
  });
});
