// Throwaway repositories for the end-to-end tests: bare TypeScript projects that borrow this
// workspace's installed tools through a node_modules link, as if they had run an install.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The ladder workspace, whose node_modules and built bin the throwaway repositories use. */
export const WORKSPACE = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(WORKSPACE, "packages/quality-gate/bin/quality-gate.js");

export const COMPILER_OPTIONS = {
  target: "es2023",
  lib: ["es2023", "esnext.disposable"],
  module: "nodenext",
  moduleResolution: "nodenext",
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
};

export const GREET = `/**
 * Demo: a repository with one documented export, before the ladder is added.
 *
 * @packageDocumentation
 */

/**
 * Greets someone by name, for the demo's smoke test.
 *
 * @param name - who to greet
 * @returns the greeting
 * @example
 * \`\`\`ts
 * greet("Ada"); // "Hello, Ada!"
 * \`\`\`
 */
export function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
`;

export const GREET_TEST = `import { expect, it } from "vitest";
import { greet } from "../src/index.js";

it("greets by name", () => {
  expect(greet("Ada")).toBe("Hello, Ada!");
});
`;

/**
 * JSON as Prettier prints it (the e2e repositories must pass rung 1 as they are): objects
 * expanded, short arrays of plain values on one line, which `JSON.stringify` never does.
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\[\n\s*([^[\]{}]*?)\n\s*\]/g, (_match, inner: string) => `[${inner.split(/,\n\s*/).join(", ")}]`)}\n`;
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function createRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "ladder-e2e-"));
  mkdirSync(join(root, ".git"));
  symlinkSync(join(WORKSPACE, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/**
 * A single-package TypeScript repository with one documented, tested export and no ladder.
 *
 * @returns its root
 */
export function bareRepo(): string {
  const root = createRoot();
  write(root, {
    "package.json": `${JSON.stringify({ name: "demo", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
    "tsconfig.json": json({
      compilerOptions: COMPILER_OPTIONS,
      include: ["src", "test", "*.ts"],
    }),
    "src/index.ts": GREET,
    "test/index.test.ts": GREET_TEST,
  });
  return root;
}

/**
 * A pnpm workspace with no packages yet, for the `package` template.
 *
 * @returns its root
 */
export function bareWorkspace(): string {
  const root = createRoot();
  write(root, {
    "package.json": `${JSON.stringify({ name: "@demo/root", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
    "tsconfig.base.json": json({
      compilerOptions: { ...COMPILER_OPTIONS, noEmit: false, declaration: true },
    }),
    "tsconfig.json": json({
      extends: "./tsconfig.base.json",
      compilerOptions: { noEmit: true },
      include: ["packages/*/src", "packages/*/test", "*.ts"],
    }),
  });
  return root;
}

/**
 * Copies a repository, keeping its node_modules link a link.
 *
 * @param root - the repository
 * @returns the copy's root
 */
export function copyRepo(root: string): string {
  const copy = mkdtempSync(join(tmpdir(), "ladder-e2e-copy-"));
  cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

/** What a command printed and returned. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `quality-gate` bin in a folder.
 *
 * @param cwd - the folder
 * @param args - the arguments
 * @returns exit status and output
 */
export function gate(cwd: string, ...args: string[]): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
