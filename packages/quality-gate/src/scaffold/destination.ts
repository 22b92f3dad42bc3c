/**
 * Where `quality-gate new` writes: the package a module joins, or the folder of a new package,
 * with the values that depend on that place (package name, base tsconfig, self-import).
 */
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { QualityGateError } from "../errors.js";
import type { DerivedNames } from "./names.js";
import type { RenderValues } from "./render-template.js";
import type { Template } from "./templates.js";
import { insideRepository, nearestPackage, readPackage, workspacePackages } from "./workspace.js";
import type { PackageInfo } from "./workspace.js";

/** The folder to write into, and the placeholder values that depend on it. */
export interface Destination {
  /** The folder the template's paths are relative to, absolute. */
  readonly dir: string;
  /** Values for the place-dependent placeholders. */
  readonly values: RenderValues;
}

/** What the destination is resolved from. */
export interface DestinationInput {
  /** The repository root, which nothing may be written outside. */
  readonly root: string;
  /** The folder `new` runs in. */
  readonly cwd: string;
  /** `--dir`, when given. */
  readonly dir: string | undefined;
}

/**
 * Resolves where a template's files go.
 *
 * A module template goes into `--dir`, else the package around the working directory; at a
 * workspace root, into the one package that provides or depends on what the template imports.
 * The `package` template goes into `--dir`, else `packages/<name>`.
 *
 * @param template - the template
 * @param names - the name in every spelling
 * @param input - repository root, working directory and `--dir`
 * @returns the destination
 * @throws {@link QualityGateError} `UNSAFE_PATH` for a `--dir` outside the repository,
 *   `NO_PACKAGE` when no single package can be chosen
 * @example
 * ```ts
 * resolveDestination(cacheTemplate, deriveNames("UserCache"), { root, cwd: root, dir: undefined });
 * ```
 */
export function resolveDestination(
  template: Template,
  names: DerivedNames,
  input: DestinationInput,
): Destination {
  const given =
    input.dir === undefined ? undefined : insideRepository(input.root, input.cwd, input.dir);
  if (template.into === "workspace") {
    const dir = given ?? join(input.root, "packages", names.kebab);
    return { dir, values: newPackageValues(input.root, dir, names) };
  }
  const pkg = given === undefined ? defaultPackage(template, input) : packageAt(given);
  return {
    dir: pkg.dir,
    values:
      template.requires !== undefined && pkg.name === template.requires
        ? { requiresImport: "./index.js" }
        : {},
  };
}

function packageAt(dir: string): PackageInfo {
  const pkg = readPackage(dir);
  if (pkg === undefined) {
    throw new QualityGateError(
      "NO_PACKAGE",
      `${dir} has no package.json; --dir takes the folder of the package the module joins.`,
    );
  }
  return pkg;
}

function defaultPackage(template: Template, input: DestinationInput): PackageInfo {
  const here = nearestPackage(input.root, input.cwd);
  if (here === undefined) {
    throw new QualityGateError(
      "NO_PACKAGE",
      `No package.json at or above ${input.cwd}; run this inside a package or pass --dir.`,
    );
  }
  if (here.workspaces.length === 0) return here;
  const members = workspacePackages(here);
  const wanted = template.requires;
  const fitting =
    wanted === undefined
      ? members
      : members.filter((pkg) => pkg.name === wanted || pkg.dependencies.includes(wanted));
  if (fitting.length === 1 && fitting[0] !== undefined) return fitting[0];
  const candidates = fitting.map((pkg) => relative(input.root, pkg.dir)).join(", ");
  throw new QualityGateError(
    "NO_PACKAGE",
    `${here.dir} is a workspace root; pass --dir with the package to write into` +
      (candidates === "" ? "." : ` (one of: ${candidates}).`),
  );
}

function newPackageValues(root: string, dir: string, names: DerivedNames): RenderValues {
  const rootPackage = readPackage(root);
  const scopes = (rootPackage === undefined ? [] : workspacePackages(rootPackage))
    .map((pkg) => /^(@[^/]+)\//.exec(pkg.name ?? "")?.[1])
    .filter((scope) => scope !== undefined);
  const scope = scopes[0];
  const base = ["tsconfig.base.json", "tsconfig.json"].find((file) =>
    existsSync(join(root, file)),
  );
  return {
    packageName: scope === undefined ? names.kebab : `${scope}/${names.kebab}`,
    // Nothing to extend (a package created outside a workspace): the template's standalone
    // tsconfig, with every option inline, is rendered instead of one extending a missing file.
    baseTsconfig:
      base === undefined ? undefined : relative(dir, join(root, base)).split(sep).join("/"),
  };
}
