/**
 * Rung 7, documented: every exported symbol has complete TSDoc per the rubric (the documentation
 * score must reach its threshold), every package has a `@packageDocumentation` comment, and every
 * `tsdoc.json` the comments are read with loads cleanly (a broken one would silently leave its
 * custom tags unknown).
 */
import { relative, sep } from "node:path";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { aggregate, scoreSymbol } from "../scorer/rubric.js";
import type { CollectedWorkspace } from "../scorer/score-workspace.js";
import { symbolFindings } from "./scored-findings.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 7. */
export const documented: Rung = {
  id: 7,
  name: "documented",
  traits: {
    readsSurface: true,
    measures: "documentation",
    wholeInOneShard: false,
    sinceScope: "changes",
  },
  run(context) {
    try {
      const workspace = context.workspace();
      const facts = workspace.packages.flatMap((pkg) => pkg.facts);
      const setup = [
        ...packageFindings(workspace),
        ...tsdocConfigFindings(workspace, context.root),
      ];
      const findings = [...setup, ...symbolFindings(facts, 7, context.onlyFiles, context.root)];
      const score = aggregate(facts.map((symbol) => scoreSymbol(symbol).doc));
      const passed = score >= context.config.thresholds.documentation && setup.length === 0;
      return Promise.resolve({ status: passed ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(7, "scorer", error));
    }
  },
};

/** A package without a `@packageDocumentation` comment. */
function packageFindings({ packages }: CollectedWorkspace): Finding[] {
  return packages
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
}

/** A `tsdoc.json` that `@microsoft/tsdoc-config` could not load cleanly. */
function tsdocConfigFindings({ tsdocConfigs }: CollectedWorkspace, root: string): Finding[] {
  return tsdocConfigs
    .filter((dialect) => dialect.problems.length > 0)
    .map((dialect) => ({
      ruleId: "documented/tsdoc-config",
      rung: 7,
      file: relative(root, dialect.configFile ?? root)
        .split(sep)
        .join("/"),
      line: 1,
      column: 1,
      symbol: null,
      message: `The TSDoc configuration does not load cleanly: ${dialect.problems.join("; ")}. Fix it (https://tsdoc.org/pages/packages/tsdoc-config/); until then its custom tags may read as unknown.`,
    }));
}
