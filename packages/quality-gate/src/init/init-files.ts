/**
 * The files `quality-gate init` may add, each with the names under which a repository may
 * already have it (any of them means "leave it alone").
 */
import type { PackageManager } from "../scaffold/package-manager.js";
import { hookCommand } from "../scaffold/package-manager.js";

/** A file `init` adds when the repository has none of its alternatives. */
export interface InitFile {
  /** What is written, relative to the repository root. */
  readonly path: string;
  /** Existing files that count as having it already. */
  readonly alternatives: readonly string[];
  /** A `package.json` key that counts as having it already (`prettier`, `lint-staged`). */
  readonly packageKey?: string;
  /** The file's text. */
  readonly content: string;
}

const ext = (base: string, exts: readonly string[]): string[] => exts.map((e) => `${base}.${e}`);
const SCRIPT_EXTS = ["js", "mjs", "cjs", "ts", "mts", "cts"] as const;

const QUALITY_GATE_CONFIG = `// The quality gate's settings: thresholds, score weights, entry points, include/exclude and
// per-rung options. Every key is optional; an unknown key is an error.
import { defineConfig } from "@ladder/quality-gate/config";

export default defineConfig({});
`;

const ESLINT_CONFIG = `// Rung 2: the gate's lint rules (typescript-eslint strict and stylistic, type-checked; short,
// simple functions). Add your own configs after it.
import { gateEslintConfig } from "@ladder/quality-gate";

export default gateEslintConfig(import.meta.dirname);
`;

const PRETTIER_CONFIG = `// Rung 1: the gate's formatting, Prettier's defaults at a 98-column width.
import { gatePrettierConfig } from "@ladder/quality-gate";

export default { ...gatePrettierConfig };
`;

// Prettier 3 reads .gitignore too; lockfiles are the package manager's to write, and pnpm's
// YAML is not Prettier's.
const PRETTIER_IGNORE = `# Files rung 1 (Prettier) leaves alone: lockfiles are written by the package manager.
package-lock.json
pnpm-lock.yaml
yarn.lock
`;

const VITEST_CONFIG = `// Rung 3: tests with v8 coverage of src/ (every package's, in a workspace). The coverage
// thresholds live in quality-gate.config.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/test/**/*.test.ts", "**/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    coverage: { provider: "v8", include: ["**/src/**/*.ts"], exclude: ["**/*.test.ts"] },
  },
});
`;

const LINT_STAGED = {
  "*.{ts,mts,cts,js,mjs,cjs}": ["prettier --write", "eslint --max-warnings 0 --no-warn-ignored"],
  "*.{json,md,yml,yaml}": ["prettier --write"],
};

/** The config files, the same for every package manager. */
const CONFIG_FILES: readonly InitFile[] = [
  {
    path: "quality-gate.config.ts",
    alternatives: [...ext("quality-gate.config", SCRIPT_EXTS), "quality-gate.config.json"],
    content: QUALITY_GATE_CONFIG,
  },
  {
    path: "eslint.config.mjs",
    alternatives: [
      ...ext("eslint.config", SCRIPT_EXTS),
      ".eslintrc",
      ".eslintrc.json",
      ".eslintrc.js",
      ".eslintrc.cjs",
    ],
    content: ESLINT_CONFIG,
  },
  {
    path: "prettier.config.mjs",
    alternatives: [
      ...ext("prettier.config", SCRIPT_EXTS),
      ...ext(".prettierrc", ["json", "json5", "yaml", "yml", "toml", ...SCRIPT_EXTS]),
      ".prettierrc",
    ],
    packageKey: "prettier",
    content: PRETTIER_CONFIG,
  },
  {
    path: ".prettierignore",
    alternatives: [],
    content: PRETTIER_IGNORE,
  },
  {
    path: "vitest.config.ts",
    alternatives: [...ext("vitest.config", SCRIPT_EXTS), ...ext("vite.config", SCRIPT_EXTS)],
    content: VITEST_CONFIG,
  },
  {
    path: ".lintstagedrc.json",
    alternatives: [
      ".lintstagedrc",
      ...ext(".lintstagedrc", ["json", "yaml", "yml", ...SCRIPT_EXTS]),
      ...ext("lint-staged.config", SCRIPT_EXTS),
    ],
    packageKey: "lint-staged",
    content: `${JSON.stringify(LINT_STAGED, null, 2)}\n`,
  },
];

/**
 * The files `init` can add, for a repository using the given package manager.
 *
 * @param manager - the package manager, for the pre-commit hook's command
 * @returns the files, in the order they are reported
 * @example
 * ```ts
 * initFiles("pnpm").map((file) => file.path); // ["quality-gate.config.ts", "eslint.config.mjs", …]
 * ```
 */
export function initFiles(manager: PackageManager): InitFile[] {
  return [
    ...CONFIG_FILES,
    {
      path: ".husky/pre-commit",
      alternatives: [],
      content: [
        "# Staged files formatted and linted, then type-checked, typed and documented (rungs 0,",
        "# 4, 7) with the files that import them. Commit with --no-verify to skip.",
        hookCommand(manager, "lint-staged"),
        hookCommand(manager, "quality-gate check --staged --only 0,4,7 --format pretty"),
        "",
      ].join("\n"),
    },
  ];
}
