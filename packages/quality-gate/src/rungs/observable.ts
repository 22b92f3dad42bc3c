/**
 * Rung 6, observable: the telemetry channels each package emits and those its docs list are the
 * same set. A package that emits and documents nothing passes.
 */
import { join } from "node:path";
import type { Finding } from "../ladder/finding.js";
import type { Rung } from "../ladder/rung.js";
import { checkTelemetry } from "../scorer/check-telemetry.js";
import { toolFailure } from "./tool-failure.js";

const MESSAGES = {
  "undocumented-channel": (channel: string) =>
    `The channel ${channel} is emitted but not documented. List \`${channel}\` in the package's TSDoc (its @packageDocumentation) with what its messages carry.`,
  "unemitted-channel": (channel: string) =>
    `The docs list \`${channel}\` but nothing emits it. Remove it from the docs, or emit it.`,
  "dynamic-channel-name": (channel: string) =>
    `${channel} builds its channel name at run time, so nobody can subscribe to it reliably. Use a literal name (or an \`as const\` constant).`,
} as const;

/** Rung 6. */
export const observable: Rung = {
  id: 6,
  name: "observable",
  traits: { readsSurface: true, wholeInOneShard: false, sinceScope: "changes" },
  run(context) {
    try {
      const findings: Finding[] = context.workspace().packages.flatMap((pkg) => {
        const entry = pkg.standing.entryFiles[0];
        const entryFile = entry === undefined ? undefined : join(context.root, entry);
        return checkTelemetry(pkg.program, context.root, {
          name: pkg.standing.name,
          dir: pkg.dir,
          entryFile,
        }).map((problem) => ({
          ruleId: `observable/${problem.code}`,
          rung: 6,
          file: problem.file,
          line: problem.line,
          column: problem.column,
          symbol: null,
          message: MESSAGES[problem.code](problem.channel),
          package: problem.package,
        }));
      });
      return Promise.resolve({ status: findings.length === 0 ? "passed" : "failed", findings });
    } catch (error) {
      return Promise.resolve(toolFailure(6, "scorer", error));
    }
  },
};
