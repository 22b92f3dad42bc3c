/** The formats the CLI can write, by `--format` name. */
import { githubReporter } from "./github.js";
import { jsonReporter } from "./json.js";
import { markdownReporter } from "./markdown.js";
import { prettyReporter } from "./pretty.js";
import type { Reporter } from "./reporter.js";
import { sarifReporter } from "./sarif.js";

/** Every reporter. */
export const REPORTERS: readonly Reporter[] = [
  prettyReporter,
  jsonReporter,
  githubReporter,
  sarifReporter,
  markdownReporter,
];

/**
 * Finds a reporter by name.
 *
 * @param name - a `--format` value
 * @returns the reporter, or `undefined`
 * @example
 * ```ts
 * reporterNamed("json")?.render(report, { color: false });
 * ```
 */
export function reporterNamed(name: string): Reporter | undefined {
  return REPORTERS.find((reporter) => reporter.name === name);
}
