/**
 * Reads a workspace root's package globs, the one reader for every part of the gate: pnpm's
 * `pnpm-workspace.yaml` (`packages:` in any YAML form, block or flow `[a, b]`), else the
 * `workspaces` field of `package.json` (npm, yarn and bun: an array, or `{ packages: [...] }`).
 * Globs that start with `!` exclude, as both pnpm and npm read them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

/** A workspace's package globs. */
export interface WorkspaceGlobs {
  /** Where the globs came from, relative to the root. */
  readonly source: "pnpm-workspace.yaml" | "package.json";
  /** Globs of package folders, relative to the root (`packages/*`). */
  readonly include: readonly string[];
  /** Globs of folders left out (`!` removed: `packages/private-*`). */
  readonly exclude: readonly string[];
}

/**
 * Reads the workspace globs of a folder, if it is a workspace root.
 *
 * @param root - the folder
 * @returns its globs, or `undefined` when it declares no workspace (or the file cannot be read:
 *   then it is not a workspace the gate can use, and is checked as one package)
 * @example
 * ```ts
 * readWorkspaceGlobs("/repo"); // { source: "pnpm-workspace.yaml", include: ["packages/*"], exclude: [] }
 * ```
 */
export function readWorkspaceGlobs(root: string): WorkspaceGlobs | undefined {
  const pnpm = readText(join(root, "pnpm-workspace.yaml"));
  if (pnpm !== undefined) {
    let parsed: unknown;
    try {
      parsed = parseYaml(pnpm);
    } catch {
      return undefined;
    }
    return split("pnpm-workspace.yaml", (parsed as { packages?: unknown } | null)?.packages);
  }
  const manifest = readText(join(root, "package.json"));
  if (manifest === undefined) return undefined;
  try {
    const { workspaces } = JSON.parse(manifest) as { workspaces?: unknown };
    const globs = Array.isArray(workspaces)
      ? workspaces
      : (workspaces as { packages?: unknown } | null | undefined)?.packages;
    return globs === undefined ? undefined : split("package.json", globs);
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function split(source: WorkspaceGlobs["source"], value: unknown): WorkspaceGlobs | undefined {
  if (!Array.isArray(value)) return undefined;
  const globs = value
    .filter((item): item is string => typeof item === "string")
    .map((glob) => glob.trim().replace(/^\.\//, "").replace(/\/+$/, ""))
    .filter((glob) => glob !== "" && glob !== "!");
  return {
    source,
    include: globs.filter((glob) => !glob.startsWith("!")),
    exclude: globs.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1)),
  };
}
