/**
 * Rung 7, documented: every exported symbol has complete TSDoc per the rubric (the documentation
 * score must reach its threshold) and every package has a `@packageDocumentation` comment.
 */
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { aggregate, scoreSymbol } from "../scorer/rubric.js";
import { symbolFindings } from "./scored-findings.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 7. */
export const documented: Rung = {
  id: 7,
  name: "documented",
  run(context) {
    try {
      const { packages } = context.workspace();
      const facts = packages.flatMap((pkg) => pkg.facts);
      const undocumented: Finding[] = packages
        .filter((pkg) => !pkg.standing.hasPackageDocumentation)
        .map((pkg) => ({
          ruleId: "documented/package-documentation",
          rung: 7,
          file: pkg.standing.entryFiles[0] ?? pkg.standing.dir,
          line: 1,
          column: 1,
          symbol: null,
          message: `${pkg.standing.name} has no @packageDocumentation comment. Open its entry file with a TSDoc comment that says what the package is for and ends with @packageDocumentation.`,
          package: pkg.standing.name,
        }));
      const findings = [
        ...undocumented,
        ...symbolFindings(facts, 7, context.onlyFiles, context.root),
      ];
      const score = aggregate(facts.map((symbol) => scoreSymbol(symbol).doc));
      const passed =
        score >= context.config.thresholds.documentation && undocumented.length === 0;
      return Promise.resolve({ status: passed ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(7, "scorer", error));
    }
  },
};
