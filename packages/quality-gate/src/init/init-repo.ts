/**
 * `quality-gate init`: adds whatever the ladder needs and the repository lacks, never touching
 * what it has. A second run changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gatePrettierConfig } from "../defaults/prettier-config.js";
import { QualityGateError } from "../errors.js";
import { detectPackageManager } from "../scaffold/package-manager.js";
import { readPackageJson } from "../scaffold/read-package-json.js";
import type { PackageManager } from "../scaffold/package-manager.js";
import { writeAllOrNothing } from "../scaffold/write-files.js";
import type { PlannedFile } from "../scaffold/write-files.js";
import { initFiles } from "./init-files.js";

/** One thing `init` did or left alone. */
export interface InitStep {
  /** The file, relative to the repository root. */
  readonly path: string;
  /** `created`, `updated` (package.json gained keys) or `kept` (already there). */
  readonly outcome: "created" | "updated" | "kept";
  /** What was added, or why it was kept. */
  readonly detail: string;
}

/** What `init` did. */
export interface InitResult {
  /** The package manager the lockfile names. */
  readonly manager: PackageManager;
  /** Every file considered, in order. */
  readonly steps: readonly InitStep[];
  /** The command to run next. */
  readonly next: string;
}

// Versions for the tools the gate drives but does not itself depend on.
const HOOK_TOOLS = { husky: "^9.1.7", "lint-staged": "^16.4.0" } as const;
const DRIVEN_TOOLS = [
  "eslint",
  "prettier",
  "typescript",
  "typescript-eslint",
  "vitest",
  "@vitest/coverage-v8",
] as const;

/**
 * Adds the ladder to a repository: configs, the `precommit` script, the pre-commit hook and the
 * dev dependencies it lacks.
 *
 * @param root - the repository root, which must have a `package.json`
 * @returns what was created, updated and kept, and the command to run next
 * @throws {@link QualityGateError} `NO_PACKAGE` when the folder has no `package.json`,
 *   `BAD_PACKAGE_JSON` when it is not a JSON object, `FILE_UNWRITABLE` when the files cannot be
 *   written (then none is)
 * @example
 * ```ts
 * const { steps } = await initRepository("/repo");
 * ```
 */
export async function initRepository(root: string): Promise<InitResult> {
  const packageFile = join(root, "package.json");
  if (!existsSync(packageFile)) {
    throw new QualityGateError(
      "NO_PACKAGE",
      `${root} has no package.json; run npm init (or pnpm init) there first.`,
    );
  }
  const manager = detectPackageManager(root);
  const { text, json: pkg } = readPackageJson(packageFile);
  const { steps, planned } = planFiles(root, manager, pkg);
  await formatJson(planned);
  const added = addPackageKeys(pkg);
  if (added.length > 0) {
    planned.push({ path: packageFile, content: reindent(pkg, text), action: "update" });
    steps.push({ path: "package.json", outcome: "updated", detail: describeKeys(added) });
  }
  writeAllOrNothing(root, planned, false);
  if (!existsSync(join(root, "tsconfig.json"))) {
    steps.push({
      path: "tsconfig.json",
      outcome: "kept",
      detail: "missing: the gate needs one (npx tsc --init)",
    });
  }
  const install = added.some((key) => key.startsWith("devDependencies"))
    ? `${manager} install && `
    : "";
  return { manager, steps, next: `${install}${manager} run precommit` };
}

/**
 * Formats the JSON files `init` writes as the repository's Prettier settings would, so the files
 * it adds pass rung 1 from the start (Prettier keeps a short array on one line, which
 * `JSON.stringify` never does).
 */
async function formatJson(planned: PlannedFile[]): Promise<void> {
  const json = planned.filter((file) => file.path.endsWith(".json"));
  if (json.length === 0) return;
  const prettier = await import("prettier");
  // The Prettier config init writes in this same run is not on disk yet: its options are the gate's.
  const ownConfig = planned.some((file) => basename(file.path).startsWith("prettier.config."));
  for (const [index, file] of planned.entries()) {
    if (!json.includes(file)) continue;
    const options = ownConfig
      ? gatePrettierConfig
      : ((await prettier.resolveConfig(file.path)) ?? {});
    planned[index] = {
      ...file,
      content: await prettier.format(file.content, { ...options, filepath: file.path }),
    };
  }
}

/** The config files to create, and the steps for those the repository already has. */
function planFiles(
  root: string,
  manager: PackageManager,
  pkg: Record<string, unknown>,
): { steps: InitStep[]; planned: PlannedFile[] } {
  const steps: InitStep[] = [];
  const planned: PlannedFile[] = [];
  for (const file of initFiles(manager)) {
    const existing = [file.path, ...file.alternatives].find((name) =>
      existsSync(join(root, name)),
    );
    if (existing !== undefined) {
      steps.push({ path: existing, outcome: "kept", detail: "already there" });
    } else if (file.packageKey !== undefined && file.packageKey in pkg) {
      steps.push({ path: "package.json", outcome: "kept", detail: `has "${file.packageKey}"` });
    } else {
      planned.push({ path: join(root, file.path), content: file.content, action: "create" });
      steps.push({ path: file.path, outcome: "created", detail: "" });
    }
  }
  return { steps, planned };
}

/** Adds the scripts and dev dependencies the package lacks; returns what it added. */
function addPackageKeys(pkg: Record<string, unknown>): string[] {
  const added: string[] = [];
  const scripts = objectAt(pkg, "scripts");
  const wanted = { precommit: "quality-gate check --format pretty", prepare: "husky" };
  for (const [name, command] of Object.entries(wanted)) {
    if (!(name in scripts)) {
      scripts[name] = command;
      added.push(`scripts.${name}`);
    }
  }
  const have = new Set(
    ["dependencies", "devDependencies"].flatMap((key) => Object.keys(objectAt(pkg, key, false))),
  );
  const devDependencies = objectAt(pkg, "devDependencies");
  for (const [name, version] of Object.entries(toolVersions())) {
    if (!have.has(name)) {
      devDependencies[name] = version;
      added.push(`devDependencies.${name}`);
    }
  }
  if (Object.keys(devDependencies).length === 0) delete pkg.devDependencies;
  return added;
}

/** The versions to add: the gate's own, and the tools it drives at the versions it uses. */
function toolVersions(): Record<string, string> {
  const own = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { version: string; dependencies: Record<string, string> };
  const driven = Object.fromEntries(
    DRIVEN_TOOLS.map((name) => [name, own.dependencies[name] ?? "*"]),
  );
  return { "@ladder/quality-gate": `^${own.version}`, ...HOOK_TOOLS, ...driven };
}

function objectAt(
  pkg: Record<string, unknown>,
  key: string,
  create = true,
): Record<string, unknown> {
  const value = pkg[key];
  if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  if (create) pkg[key] = fresh;
  return fresh;
}

/** `scripts.a, scripts.b, devDependencies.c` → `scripts: a, b; devDependencies: c`. */
function describeKeys(keys: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const dot = key.indexOf(".");
    const group = key.slice(0, dot);
    groups.set(group, [...(groups.get(group) ?? []), key.slice(dot + 1)]);
  }
  return [...groups].map(([group, names]) => `${group}: ${names.join(", ")}`).join("; ");
}

/** Serializes with the file's own indentation and final newline. */
function reindent(pkg: Record<string, unknown>, original: string): string {
  const indent = /^([ \t]+)"/m.exec(original)?.[1] ?? "  ";
  return `${JSON.stringify(pkg, null, indent)}${original.endsWith("\n") ? "\n" : ""}`;
}
