// One lint configuration for the whole workspace (rung 2 of the ladder).
// Limits follow the seed's Credo settings: functions of at most 40 lines, bounded complexity.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "**/dist/",
    "**/coverage/",
    "**/node_modules/",
    "packages/*/test/fixtures/",
    "test/fixtures/",
    // The copy of templates/ that quality-gate's prepack puts in its tarball (postpack removes it).
    "packages/quality-gate/templates/",
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true }],
      complexity: ["error", { max: 10 }],
      "max-depth": ["error", 3],
      "max-params": ["error", 4],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/explicit-module-boundary-types": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Conflicts with strict's no-non-null-assertion: with noUncheckedIndexedAccess, a typed-array
      // read is `number | undefined`, and we prefer an explicit `as number` to a `!`.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
    },
  },
  {
    name: "library code never prints",
    files: ["packages/*/src/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    // ts-morph declares its node classes through mixins (`Constructor<…> & typeof Statement`), so
    // this rule cannot see that a ClassDeclaration is a Node and flags every ts-morph value.
    name: "ts-morph code: mixin-built classes",
    files: ["packages/quality-gate/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-class-instance-assignment": "off" },
  },
  {
    name: "tests: describe blocks are long by nature",
    files: ["**/test/**/*.ts", "test/**/*.ts"],
    rules: {
      "max-lines-per-function": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    name: "plain JavaScript (configs, scripts, benches): not type-checked",
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { "@typescript-eslint/explicit-module-boundary-types": "off" },
  },
);
