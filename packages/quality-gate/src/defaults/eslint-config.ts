/**
 * The gate's own ESLint flat config, used by rung 2 for a repository that has none, and exported
 * from `@ladder/quality-gate` for `quality-gate init`'s `eslint.config.mjs` to extend: typescript-eslint
 * `strictTypeChecked` + `stylisticTypeChecked` with the seed's Credo limits.
 */
import js from "@eslint/js";
import type { Linter } from "eslint";
import tseslint from "typescript-eslint";

/**
 * Builds the default configuration for a repository.
 *
 * @param root - the repository root, where typed linting finds the tsconfig
 * @returns a flat config array
 * @example
 * ```ts
 * // eslint.config.js
 * import { gateEslintConfig } from "@ladder/quality-gate";
 * export default gateEslintConfig(import.meta.dirname);
 * ```
 */
export function gateEslintConfig(root: string): Linter.Config[] {
  return [
    { ignores: ["**/dist/", "**/coverage/", "**/node_modules/"] },
    js.configs.recommended,
    ...(tseslint.configs.strictTypeChecked as Linter.Config[]),
    ...(tseslint.configs.stylisticTypeChecked as Linter.Config[]),
    {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
      rules: {
        "max-lines-per-function": [
          "error",
          { max: 40, skipBlankLines: true, skipComments: true },
        ],
        complexity: ["error", { max: 10 }],
      },
    },
    {
      // A test file's describe block holds many cases; the length limit is for functions.
      files: ["**/*.test.ts", "**/test/**/*.ts"],
      rules: { "max-lines-per-function": "off" },
    },
    {
      // Plain JavaScript, and the root's config files (`vitest.config.ts`,
      // `quality-gate.config.ts`), which a tsconfig's `include: ["src"]` leaves outside every
      // project: linted without type information rather than failing to parse.
      files: ["**/*.{js,mjs,cjs}", "*.config.{ts,mts,cts}"],
      ...(tseslint.configs.disableTypeChecked as Linter.Config),
    },
  ];
}
