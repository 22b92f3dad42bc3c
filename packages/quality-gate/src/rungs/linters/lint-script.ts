/**
 * The repository's `lint` script, as a last resort for a linter the gate has no adapter for: its
 * exit code is the verdict, its first error line the finding. Never a script that writes files
 * (`--fix`, `--write`, in it or in its `prelint`/`postlint` hooks), which would change the
 * repository.
 */
import type { ToolAdapter } from "../tool-adapter.js";
import { firstErrorLine } from "../tool-command.js";
import { runScript } from "../../tools/run-script.js";

/** Flags of common tools that write files. */
const WRITES = /(?:^|\s)(?:--fix\b|--write\b|-w\b|--apply\b|--unsafe\b)/;
const TIMEOUT_MS = 15 * 60_000;

/** Rung 2's last resort: the `lint` script. */
export const lintScript: ToolAdapter = {
  name: "lint script",
  plan(tools) {
    const script = tools.scripts.lint;
    if (script === undefined) return undefined;
    const hooks = [tools.scripts.prelint, script, tools.scripts.postlint].filter(
      (text) => text !== undefined,
    );
    const writes = hooks.find((text) => WRITES.test(text));
    return {
      tool: { name: "npm run lint", source: "script", note: script },
      installed: undefined,
      paths: [],
      args: [],
      scripted: true,
      ...(writes !== undefined && {
        refused: `the repository's lint script writes files (${writes}); give it a read-only lint script, or use a linter the gate knows (ESLint, oxlint, Biome, xo)`,
      }),
    };
  },
  async run(context, plan) {
    if (plan.refused !== undefined) throw new Error(plan.refused);
    const run = await runScript(context.root, "lint", {
      env: process.env,
      timeoutMs: TIMEOUT_MS,
      signal: context.signal,
    });
    const tool = { ...plan.tool, name: run.command };
    if (run.timedOut)
      throw new Error(`${run.command} did not finish in ${String(TIMEOUT_MS / 60_000)} minutes`);
    if (run.code === 0) return { status: "passed", findings: [], tool };
    return {
      status: "failed",
      tool,
      findings: [
        {
          ruleId: "lint-script/failed",
          rung: 2,
          file: "package.json",
          line: 1,
          column: 1,
          symbol: null,
          message: `${run.command} failed: ${firstErrorLine(run)}. Fix what it reports, then run the gate again.`,
        },
      ],
    };
  },
};
