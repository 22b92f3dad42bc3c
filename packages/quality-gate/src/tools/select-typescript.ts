/**
 * Which TypeScript checks a repository: its own, at its own version, as `tsc` from its scripts
 * would. Chosen before anything loads the compiler, because the gate's modules share one
 * `typescript` module for the whole run:
 * - the repository has none, or the gate's own version: the gate's TypeScript, in process;
 * - a TypeScript 5.x or 6.x of its own: that one, in process, in place of the gate's (rung 0 and
 *   the scorer read the same Programs, as they do with the gate's);
 * - TypeScript 7 (the native compiler, which has no classic JS API), an older TypeScript, or
 *   `tsgo` (`@typescript/native-preview`) in its scripts: rung 0 runs that compiler's own
 *   command, and the scorer reads types with the gate's TypeScript.
 *
 * This module loads no TypeScript itself: it reads manifests and scripts only.
 */
import { join } from "node:path";
import { findPackages } from "../project/find-packages.js";
import { findInstalled, majorMinor } from "./installed-package.js";
import type { InstalledPackage } from "./installed-package.js";

/** The oldest TypeScript whose API the gate's scorer uses in process. */
const OLDEST_IN_PROCESS: readonly [number, number] = [5, 0];

/**
 * How a run type-checks.
 *
 * @internal
 */
export interface TypeScriptChoice {
  /** The compiler rung 0 reports: its name, version and where it comes from. */
  readonly checker: {
    readonly name: "typescript" | "tsgo";
    readonly version: string;
    readonly source: "repository" | "bundled";
  };
  /** The TypeScript module loaded in process (the scorer's, and rung 0's when it is in process). */
  readonly module: {
    readonly path: string;
    readonly version: string;
    readonly source: "repository" | "bundled";
  };
  /** When rung 0 runs the compiler's command instead: the script to run with Node. */
  readonly command?: string;
  /** Why this choice, for `--debug`. */
  readonly reason: string;
}

/**
 * Chooses the TypeScript for a repository.
 *
 * @param root - the repository root
 * @param bundled - the gate's own TypeScript (its `lib/typescript.js` and version)
 * @returns the choice
 * @internal
 */
export function selectTypeScript(
  root: string,
  bundled: { readonly path: string; readonly version: string },
): TypeScriptChoice {
  const packages = findPackages(root);
  const dirs = [root, ...packages.map((pkg) => pkg.dir).filter((dir) => dir !== root)];
  const scripts = packages.flatMap((pkg) => Object.values(pkg.manifest.scripts));
  const gate = { ...bundled, source: "bundled" as const };
  const usesTsgo = scripts.some((script) => /(?:^|[\s;&|(])tsgo(?:\s|$)/.test(script));
  const tsgo = usesTsgo ? firstInstalled("@typescript/native-preview", dirs) : undefined;
  if (tsgo?.bin.tsgo !== undefined) {
    return {
      checker: { name: "tsgo", version: tsgo.version, source: "repository" },
      module: gate,
      command: tsgo.bin.tsgo,
      reason: `the repository's scripts type-check with tsgo (@typescript/native-preview ${tsgo.version})`,
    };
  }
  const own = firstInstalled("typescript", dirs);
  if (own === undefined) {
    return {
      checker: { name: "typescript", version: bundled.version, source: "bundled" },
      module: gate,
      reason: "the repository has no TypeScript of its own; the gate's checks it",
    };
  }
  return chooseByVersion(own, gate);
}

/** The repository's own TypeScript: in process when the gate's scorer can use its API. */
function chooseByVersion(
  own: InstalledPackage,
  gate: TypeScriptChoice["module"],
): TypeScriptChoice {
  const checker = { name: "typescript", version: own.version, source: "repository" } as const;
  if (own.version === gate.version) {
    return {
      checker,
      module: gate,
      reason: `the repository's TypeScript ${own.version} is the gate's own version`,
    };
  }
  const [major, minor] = majorMinor(own.version);
  const [oldestMajor, oldestMinor] = OLDEST_IN_PROCESS;
  if (major < 7 && (major > oldestMajor || (major === oldestMajor && minor >= oldestMinor))) {
    return {
      checker,
      module: {
        path: join(own.dir, "lib", "typescript.js"),
        version: own.version,
        source: "repository",
      },
      reason: `the repository's TypeScript ${own.version}, in process`,
    };
  }
  const why =
    major >= 7
      ? `has no JS API: rung 0 runs its tsc`
      : `is older than the scorer supports: rung 0 runs its tsc`;
  return {
    checker,
    module: gate,
    command: own.bin.tsc ?? join(own.dir, "bin", "tsc"),
    reason: `the repository's TypeScript ${own.version} ${why}, the scorer reads types with the gate's ${gate.version}`,
  };
}

function firstInstalled(name: string, dirs: readonly string[]): InstalledPackage | undefined {
  for (const dir of dirs) {
    const found = findInstalled(name, dir);
    if (found !== undefined) return found;
  }
  return undefined;
}
