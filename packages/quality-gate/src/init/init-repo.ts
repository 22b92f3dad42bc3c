/**
 * `quality-gate init`: adds whatever the ladder needs and the repository lacks, never touching
 * what it has. A second run changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gatePrettierConfig } from "../defaults/prettier-config.js";
import { QualityGateError } from "../errors.js";
import { detectPackageManager, execCommand } from "../scaffold/package-manager.js";
import { readPackageJson } from "../scaffold/read-package-json.js";
import type { PackageManager } from "../scaffold/package-manager.js";
import { writeAllOrNothing } from "../scaffold/write-files.js";
import type { PlannedFile } from "../scaffold/write-files.js";
import { initFiles } from "./init-files.js";
import { gateSpec } from "./gate-spec.js";
import type { GateSpecInput } from "./gate-spec.js";

/** One thing `init` did or left alone. */
export interface InitStep {
  /** The file, relative to the repository root. */
  readonly path: string;
  /** `created`, `updated` (package.json gained keys) or `kept` (already there). */
  readonly outcome: "created" | "updated" | "kept";
  /** What was added, or why it was kept. */
  readonly detail: string;
}

/** How `init` runs: where `--from` paths are relative to, and the gate version to add. */
export type InitOptions = Partial<Omit<GateSpecInput, "root">>;

/** What `init` did. */
export interface InitResult {
  /** The package manager the lockfile names. */
  readonly manager: PackageManager;
  /** Every file considered, in order. */
  readonly steps: readonly InitStep[];
  /** The command to run next. */
  readonly next: string;
}

/** The ladder, as the `precommit` script and the printed next step run it. */
const GATE_CHECK = "quality-gate check --format pretty";

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
 * dev dependencies it lacks, the gate itself at the version being run (or `options.from`).
 *
 * @param root - the repository root, which must have a `package.json`
 * @param options - `from` (a tarball, folder or spec for the gate) and the `cwd` it is relative to
 * @returns what was created, updated and kept, and the one command that climbs the ladder
 * @throws {@link QualityGateError} `NO_PACKAGE` when the folder has no `package.json`,
 *   `BAD_PACKAGE_JSON` when it is not a JSON object, `FILE_UNWRITABLE` when the files cannot be
 *   written (then none is)
 * @example
 * ```ts
 * const { steps, next } = await initRepository("/repo", { from: "./ladder-quality-gate-0.1.0.tgz" });
 * ```
 */
export async function initRepository(
  root: string,
  options: InitOptions = {},
): Promise<InitResult> {
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
  const spec = gateSpec({ ...options, root, cwd: options.cwd ?? root });
  const { added, kept } = addPackageKeys(pkg, spec);
  if (added.length > 0) {
    planned.push({ path: packageFile, content: reindent(pkg, text), action: "update" });
    steps.push({ path: "package.json", outcome: "updated", detail: describeKeys(added) });
  }
  steps.push(...kept);
  writeAllOrNothing(root, planned, false);
  if (!existsSync(join(root, "tsconfig.json"))) {
    steps.push({
      path: "tsconfig.json",
      outcome: "kept",
      detail: "missing: the gate needs one (npx tsc --init)",
    });
  }
  return { manager, steps, next: nextCommand(manager, pkg, added) };
}

/** Installs what init added, then climbs: through `precommit` when it runs the gate. */
function nextCommand(
  manager: PackageManager,
  pkg: Record<string, unknown>,
  added: string[],
): string {
  const install = added.some((key) => key.startsWith("devDependencies"))
    ? `${manager} install && `
    : "";
  const precommit = objectAt(pkg, "scripts", false).precommit;
  const climb =
    typeof precommit === "string" && precommit.includes("quality-gate")
      ? `${manager} run precommit`
      : execCommand(manager, GATE_CHECK);
  return `${install}${climb}`;
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

/** The scripts init adds, each with what must be in a script of the same name it keeps. */
const WANTED_SCRIPTS = [
  { name: "precommit", command: GATE_CHECK, needs: "quality-gate", why: "to climb the ladder" },
  { name: "prepare", command: "husky", needs: "husky", why: "so installs set up the hook" },
] as const;

/**
 * Adds the scripts and dev dependencies the package lacks; returns what it added, and a step
 * for each script of the user's it kept that lacks what init's would have done.
 */
function addPackageKeys(
  pkg: Record<string, unknown>,
  spec: string,
): { added: string[]; kept: InitStep[] } {
  const added: string[] = [];
  const kept: InitStep[] = [];
  const scripts = objectAt(pkg, "scripts");
  for (const { name, command, needs, why } of WANTED_SCRIPTS) {
    const existing = scripts[name];
    if (existing === undefined) {
      scripts[name] = command;
      added.push(`scripts.${name}`);
    } else if (typeof existing !== "string" || !existing.includes(needs)) {
      const detail = `scripts.${name} is yours: add "&& ${command}" to it ${why}`;
      kept.push({ path: "package.json", outcome: "kept", detail });
    }
  }
  const have = new Set(
    ["dependencies", "devDependencies"].flatMap((key) => Object.keys(objectAt(pkg, key, false))),
  );
  const devDependencies = objectAt(pkg, "devDependencies");
  for (const [name, version] of Object.entries(toolVersions(spec))) {
    if (!have.has(name)) {
      devDependencies[name] = version;
      added.push(`devDependencies.${name}`);
    }
  }
  if (Object.keys(devDependencies).length === 0) delete pkg.devDependencies;
  return { added, kept };
}

/** The versions to add: the gate's, and the tools it drives at the versions it uses. */
function toolVersions(spec: string): Record<string, string> {
  const own = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { dependencies: Record<string, string> };
  const driven = Object.fromEntries(
    DRIVEN_TOOLS.map((name) => [name, own.dependencies[name] ?? "*"]),
  );
  return { "@ladder/quality-gate": spec, ...HOOK_TOOLS, ...driven };
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
