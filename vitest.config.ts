// One test configuration for the workspace: a project per package plus the cross-package e2e suite.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CI reads the JSON report for its closing `N passed, N failed` line (.ci/summarize.mjs).
    reporters: process.env.CI === "true" ? ["default", "json"] : ["default"],
    outputFile: { json: ".vitest-reports/results.json" },
    // A project per workspace package that has tests, found on disk so a package scaffolded by
    // `quality-gate new package` is tested without editing this file; plus the e2e suite.
    projects: [
      ...readdirSync(join(import.meta.dirname, "packages"))
        .filter((name) => existsSync(join(import.meta.dirname, "packages", name, "test")))
        .map((name) => ({
          // Vite does not transform CommonJS TypeScript (`.cts`): in tests, quality-gate's
          // `require` shim for the compiler API is the `typescript` package itself.
          resolve: {
            alias: [{ find: /^(?:\.{1,2}\/)+typescript\.cjs$/, replacement: "typescript" }],
          },
          test: {
            name,
            root: join(import.meta.dirname, "packages", name),
            include: ["test/**/*.test.ts"],
            exclude: ["test/fixtures/**", "node_modules/**"],
            // quality-gate's tests build TypeScript programs over real repositories; inside
            // `npm run precommit` they share the machine with the lint and format rungs, and a
            // two-second test can take six. Library tests keep Vitest's default.
            ...(name === "quality-gate" ? { testTimeout: 60_000 } : {}),
          },
        })),
      {
        // Templates are code: their own tests run here, on the placeholder names.
        test: {
          name: "templates",
          root: join(import.meta.dirname, "templates"),
          include: ["*/test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          root: join(import.meta.dirname, "test"),
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
