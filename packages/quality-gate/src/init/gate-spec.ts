/**
 * The version range `init` writes for `@ladder/quality-gate`: the one being run. Run from a
 * tarball (`npx file:./ladder-quality-gate-0.1.0.tgz init`), that is the tarball, since a
 * version of a package that is not on the registry cannot be installed; else `^version`.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `init` runs and what it was given. */
export interface GateSpecInput {
  /** The repository `init` writes to, absolute. */
  readonly root: string;
  /** The working directory, against which a `--from` path is resolved. */
  readonly cwd: string;
  /** `--from`: a tarball or folder path, or any range or spec the package manager takes. */
  readonly from?: string | undefined;
  /** The running gate's package folder; this module's own by default. */
  readonly packageDir?: string;
}

const NAME = "@ladder/quality-gate";

/**
 * Chooses the spec for the gate's dev dependency.
 *
 * @param input - the repository, the working directory, `--from` and the running package
 * @returns `file:` and a path relative to the repository for a tarball or folder, the
 *   `--from` spec as given, the tarball the running copy was installed from, or `^version`
 * @example
 * ```ts
 * gateSpec({ root: "/repo", cwd: "/repo", from: "../ladder-quality-gate-0.1.0.tgz" });
 * // "file:../ladder-quality-gate-0.1.0.tgz"
 * ```
 */
export function gateSpec(input: GateSpecInput): string {
  const packageDir = input.packageDir ?? fileURLToPath(new URL("../..", import.meta.url));
  if (input.from !== undefined) {
    const path = resolve(input.cwd, input.from.replace(/^file:/, ""));
    return isPath(input.from) || existsSync(path) ? fileSpec(input.root, path) : input.from;
  }
  const installed = installedFrom(packageDir);
  if (installed !== undefined) return fileSpec(input.root, installed);
  const { version } = JSON.parse(readFileSync(resolve(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  return `^${version}`;
}

function isPath(from: string): boolean {
  return /^(?:file:|\.{1,2}[\\/]|[\\/])/.test(from) || /\.(?:tgz|tar\.gz)$/.test(from);
}

function fileSpec(root: string, path: string): string {
  const rel = relative(root, path).split(sep).join("/");
  return `file:${rel.startsWith(".") || isAbsolute(rel) ? rel : `./${rel}`}`;
}

/**
 * The tarball or folder the running copy was installed from, when the project that installed it
 * (npx's own, for `npx file:…tgz`) names one with a `file:` spec.
 */
function installedFrom(packageDir: string): string | undefined {
  const at = packageDir.indexOf(`${sep}node_modules${sep}`);
  if (at < 0) return undefined;
  const project = packageDir.slice(0, at);
  try {
    const manifest = JSON.parse(readFileSync(resolve(project, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    const spec = manifest.dependencies?.[NAME] ?? manifest.devDependencies?.[NAME];
    return spec?.startsWith("file:") === true ? resolve(project, spec.slice(5)) : undefined;
  } catch {
    return undefined;
  }
}
