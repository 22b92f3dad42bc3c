/**
 * Rung 1, formatted: every file the repository formats is formatted, by the repository's own
 * formatter (oxfmt, Biome or Prettier, whichever it uses: the one its scripts run, else the one
 * it configures) at its own version, on its own scope; the gate's bundled Prettier checks the
 * source files of a repository that has no formatter.
 */
import type { Rung } from "../ladder/rung.js";
import { biomeFormatter } from "./formatters/biome.js";
import { oxfmtFormatter } from "./formatters/oxfmt.js";
import { bundledPrettierPlan, prettierFormatter } from "./formatters/prettier.js";
import { sourceFiles } from "./source-files.js";
import { chooseAdapter } from "./tool-adapter.js";
import type { ToolAdapter } from "./tool-adapter.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 1's formatters, in order of preference when a repository configures several. */
export const FORMATTERS: readonly ToolAdapter[] = [
  oxfmtFormatter,
  biomeFormatter,
  prettierFormatter,
];

/** Rung 1. */
export const formatted: Rung = {
  id: 1,
  name: "formatted",
  traits: {
    readsSurface: false,
    measures: "lint",
    wholeInOneShard: false,
    sinceScope: "changes",
  },
  async run(context) {
    const choice = chooseAdapter(FORMATTERS, context.tools());
    const adapter = choice?.adapter ?? prettierFormatter;
    const plan = choice?.plan ?? bundledPrettierPlan(sourceFiles(context.root, context.config));
    try {
      return await adapter.run(context, plan);
    } catch (error) {
      return { ...toolFailure(1, adapter.name, error), tool: plan.tool };
    }
  },
};
