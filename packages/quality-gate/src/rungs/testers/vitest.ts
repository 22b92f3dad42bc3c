/**
 * Vitest, the repository's own, by its own command with the arguments of the repository's test
 * script, made to write its JSON report (each test's line included) and, when the repository has
 * a coverage provider installed, an Istanbul coverage summary to a temporary folder: the gate
 * reads both and writes nothing into the repository.
 */
import { join } from "node:path";
import type { RungOutcome } from "../../ladder/finding.js";
import type { RungContext } from "../../ladder/rung.js";
import { majorMinor } from "../../tools/installed-package.js";
import type { InstalledPackage } from "../../tools/installed-package.js";
import { runReportingRunner } from "./reporting-runner.js";
import type { TestRunInput } from "./test-run-input.js";

/** Options the gate sets itself: the repository's are dropped, with their value. */
const REPLACED = [
  "--reporter",
  "--outputFile",
  "--coverage.reporter",
  "--coverage.reportsDirectory",
];
/** Flags that would make the run wait for changes. */
const WATCH = ["--watch", "-w"];

/**
 * Runs the repository's Vitest.
 *
 * @param context - the rung's context
 * @param input - the installed Vitest, the script's arguments, whether a coverage provider is there
 * @returns the rung's outcome
 * @example
 * ```ts
 * await runVitest(context, { tool, installed, args: ["run", "--project", "unit"], coverage: true });
 * ```
 */
export function runVitest(context: RungContext, input: TestRunInput): Promise<RungOutcome> {
  return runReportingRunner(context, input, {
    prefix: "vitest",
    args: (report, coverage) => [
      binOf(input.installed),
      ...runArgs(input.args),
      "--reporter=json",
      `--outputFile=${report}`,
      // Each test's line in the report (Vitest 2 and later).
      ...(majorMinor(input.installed.version)[0] >= 2 ? ["--includeTaskLocation"] : []),
      ...(input.coverage
        ? [
            "--coverage.enabled=true",
            // Coverage of a run whose tests failed is still coverage to report.
            "--coverage.reportOnFailure=true",
            "--coverage.reporter=json-summary",
            `--coverage.reportsDirectory=${coverage}`,
          ]
        : []),
    ],
  });
}

/** The script's arguments as a single run: `vitest` alone watches, so `run` goes first. */
function runArgs(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (WATCH.includes(arg)) continue;
    if (REPLACED.includes(arg)) {
      index++;
      continue;
    }
    if (!REPLACED.some((option) => arg.startsWith(`${option}=`))) kept.push(arg);
  }
  const [first] = kept;
  if (first === "run") return kept;
  if (first === "watch" || first === "dev") return ["run", ...kept.slice(1)];
  return ["run", ...kept];
}

function binOf(installed: InstalledPackage): string {
  return installed.bin.vitest ?? join(installed.dir, "vitest.mjs");
}
