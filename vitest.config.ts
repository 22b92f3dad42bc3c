// One test configuration for the workspace: a project per package plus the cross-package e2e suite.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI reads the JSON report for its closing `N passed, N failed` line (.ci/summarize.mjs).
    reporters: process.env.CI === "true" ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-reports/results.json" },
    projects: [
      {
        test: {
          name: "cache",
          root: "packages/cache",
          include: ["test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "quality-gate",
          root: "packages/quality-gate",
          include: ["test/**/*.test.ts"],
          exclude: ["test/fixtures/**"],
        },
      },
      {
        test: {
          name: "e2e",
          root: "test",
          include: ["**/*.test.ts"],
          exclude: ["fixtures/**", "node_modules/**"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      thresholds: { lines: 90, branches: 90 },
    },
  },
});
