// Runs one rung on a repository the way check does (the repository described, its tools read),
// and returns that rung's result.
import { configSchema } from "../../src/config/config-schema.js";
import { runLadder } from "../../src/ladder/run-ladder.js";
import type { RungResult } from "../../src/ladder/run-ladder.js";

/**
 * Runs one rung.
 *
 * @param root - the repository
 * @param rung - the rung's id
 * @param onlyFiles - the files whose findings count (as `--staged` sets them), absolute
 * @returns the rung's result
 */
export async function runRung(
  root: string,
  rung: number,
  onlyFiles?: ReadonlySet<string>,
): Promise<RungResult> {
  const { rungs } = await runLadder({
    root,
    config: configSchema.parse({}),
    rungs: [rung],
    bail: false,
    onlyFiles,
  });
  const result = rungs[rung];
  if (result === undefined) throw new Error(`no rung ${String(rung)}`);
  return result;
}

/**
 * A rung's findings as `rule file:line`, for exact comparisons.
 *
 * @param result - the rung's result
 * @returns one string per finding
 */
export function places(result: RungResult): string[] {
  return result.findings.map(
    (finding) => `${finding.ruleId} ${finding.file}:${String(finding.line)}`,
  );
}
