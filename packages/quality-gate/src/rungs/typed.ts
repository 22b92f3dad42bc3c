/**
 * Rung 4, typed: every exported symbol has explicit types and no `any`, per the rubric; the
 * types score must reach its threshold and every `exports` entry must lead to a source file.
 */
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { aggregate, scoreSymbol } from "../scorer/rubric.js";
import type { CollectedPackage } from "../scorer/score-workspace.js";
import { symbolFindings } from "./scored-findings.js";
import { toolFailure } from "./tool-failure.js";

/** Entry points whose source was not found, or is in no TypeScript project: not scored. */
function entryFindings(pkg: CollectedPackage): Finding[] {
  const manifest = `${pkg.standing.dir === "." ? "" : `${pkg.standing.dir}/`}package.json`;
  const at = (file: string): Pick<Finding, "rung" | "file" | "line" | "column" | "symbol"> => ({
    rung: 4,
    file,
    line: 1,
    column: 1,
    symbol: null,
  });
  return [
    ...pkg.standing.unresolvedExports.map((target) => ({
      ruleId: "typed/unresolved-export",
      ...at(manifest),
      message: `quality-gate found no source file behind ${target} of ${pkg.standing.name} (it looked at the tsconfig outDir and rootDir, source maps and the usual src/ layouts), so that entry point is not scored. Set entryPoints in quality-gate.config.ts to name its source, or remove the entry.`,
    })),
    ...pkg.standing.outsideProjects.map((file) => ({
      ruleId: "typed/entry-outside-project",
      ...at(file),
      message: `${file} is an entry point of ${pkg.standing.name}, but no tsconfig of the repository includes it, so its exports are not scored. Add it to a tsconfig's include, or set entryPoints in quality-gate.config.ts.`,
    })),
  ];
}

/** Rung 4. */
export const typed: Rung = {
  id: 4,
  name: "typed",
  traits: {
    readsSurface: true,
    measures: "types",
    wholeInOneShard: false,
    sinceScope: "changes",
  },
  run(context) {
    try {
      const { packages } = context.workspace();
      const facts = packages.flatMap((pkg) => pkg.facts);
      const findings: Finding[] = [
        ...packages.flatMap(entryFindings),
        ...symbolFindings(facts, 4, context.onlyFiles, context.root),
      ];
      const score = aggregate(facts.map((symbol) => scoreSymbol(symbol).types));
      const unresolved = findings.some(
        (finding) =>
          finding.ruleId === "typed/unresolved-export" ||
          finding.ruleId === "typed/entry-outside-project",
      );
      const passed = score >= context.config.thresholds.types && !unresolved;
      return Promise.resolve({ status: passed ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(4, "scorer", error));
    }
  },
};
