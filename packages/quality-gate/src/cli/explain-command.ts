/**
 * `quality-gate explain <symbol|file> [dir]`: every check of one symbol, passed and failed. A
 * symbol is named as in findings: `foo` (every symbol of that name, whichever subpath exports
 * it), `./sub:foo` (the one of the `exports` subpath `./sub`) or `.:foo` (the main entry's).
 */
import { resolve } from "node:path";
import { loadConfig } from "../config/load-config.js";
import { QualityGateError } from "../errors.js";
import { createPrograms } from "../ladder/create-program.js";
import { assertDirectory, assertProject } from "../ladder/run-ladder.js";
import { discoverProject } from "../project/discover-project.js";
import { explainSymbol } from "../scorer/explain-symbol.js";
import { parseQualifiedName } from "../scorer/qualified-name.js";
import { collectWorkspace } from "../scorer/score-workspace.js";
import type { CliIo } from "./io.js";
import { messages } from "./messages.js";

/**
 * Runs `explain`.
 *
 * @param query - a public name (`TtlCache.get`), one qualified by its subpath (`./sub:foo`), or
 *   a file relative to the repository
 * @param dir - the repository, relative to the working directory
 * @param io - working directory, environment and streams
 * @returns 0 when every explained check passes, 1 when one fails
 * @throws QualityGateError `SYMBOL_NOT_FOUND` when nothing matches
 * @example
 * ```ts
 * await explainCommand("TtlCache.get", ".", io);
 * ```
 */
export async function explainCommand(query: string, dir: string, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const { config } = await loadConfig(root, undefined, io.cwd);
  assertDirectory(root);
  const project = discoverProject(root, config.entryPoints);
  assertProject(project);
  const programs = createPrograms(project.tsconfigs).map(({ program }) => program);
  const facts = collectWorkspace(programs, project).packages.flatMap((p) => p.facts);
  const wanted = parseQualifiedName(query);
  const matches = facts.filter(
    (symbol) =>
      symbol.file === query ||
      (symbol.name === wanted.name &&
        (wanted.entry === undefined || wanted.entry === (symbol.entry ?? "."))),
  );
  if (matches.length === 0)
    throw new QualityGateError("SYMBOL_NOT_FOUND", messages.symbolNotFound(query));
  let failed = false;
  for (const explanation of matches.map(explainSymbol)) {
    const { doc, types } = explanation.scores;
    io.stdout.write(
      `${explanation.name} (${explanation.kind}) at ${explanation.location}: documentation ${doc.toFixed(2)}, types ${types.toFixed(2)}\n`,
    );
    for (const check of explanation.checks) {
      failed ||= !check.passed;
      const line = check.passed
        ? `  ✔ ${check.category} ${check.code}`
        : `  ✖ ${check.category} ${check.code}: ${check.fix ?? ""}`;
      io.stdout.write(`${line}\n`);
    }
  }
  return failed ? 1 : 0;
}
