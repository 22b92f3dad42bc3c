/**
 * Rung 4, typed: every exported symbol has explicit types and no `any`, per the rubric; the
 * types score must reach its threshold and every `exports` entry must lead to a source file.
 */
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { aggregate, scoreSymbol } from "../scorer/rubric.js";
import { symbolFindings } from "./scored-findings.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 4. */
export const typed: Rung = {
  id: 4,
  name: "typed",
  run(context) {
    try {
      const { packages } = context.workspace();
      const facts = packages.flatMap((pkg) => pkg.facts);
      const findings: Finding[] = [
        ...packages.flatMap((pkg) =>
          pkg.standing.unresolvedExports.map((target) => ({
            ruleId: "typed/unresolved-export",
            rung: 4,
            file: `${pkg.standing.dir === "." ? "" : `${pkg.standing.dir}/`}package.json`,
            line: 1,
            column: 1,
            symbol: null,
            message: `The exports entry ${target} of ${pkg.standing.name} leads to no source file. Point it at a file the build produces from src, or remove it.`,
          })),
        ),
        ...symbolFindings(facts, 4, context.onlyFiles, context.root),
      ];
      const score = aggregate(facts.map((symbol) => scoreSymbol(symbol).types));
      const unresolved = findings.some((finding) => finding.ruleId === "typed/unresolved-export");
      const passed = score >= context.config.thresholds.types && !unresolved;
      return Promise.resolve({ status: passed ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(4, "scorer", error));
    }
  },
};
