/**
 * Rung 5, secure: no dangerous sinks, no hard-coded secrets, no unvalidated `JSON.parse` leaving
 * a public function. Scans what each package runs: its `src/` files and its `bin/` scripts (a
 * hand-written launcher ships to users as much as the compiled source does).
 */
import { globSync } from "../glob-sync.js";
import type { Rung } from "../ladder/rung.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 5. */
export const secure: Rung = {
  id: 5,
  name: "secure",
  async run(context) {
    try {
      const workspace = context.workspace();
      const files = workspace.packages
        .flatMap((pkg) =>
          globSync("{src,bin}/**/*.{ts,tsx,mts,cts,js,mjs,cjs}", {
            cwd: pkg.dir,
            absolute: true,
            ignore: ["**/node_modules/**"],
          }),
        )
        .filter((file) => context.onlyFiles?.has(file) !== false);
      // Loaded only when this rung runs: the sink checks bring ESLint and typescript-eslint.
      const { checkSecurity } = await import("../secure/check-security.js");
      const problems = await checkSecurity({
        root: context.root,
        files,
        publicApi: workspace.packages,
        allowSecrets: context.config.rungs.secure.allowSecrets,
        cacheDir: context.cacheDir,
      });
      const allowed = context.config.rungs.secure.allowSinks;
      const findings = problems
        .filter(
          (problem) =>
            !allowed.some((sink) => sink.file === problem.file && sink.rule === problem.ruleId),
        )
        .map((problem) => ({ ...problem, rung: 5 }));
      return { status: findings.length === 0 ? "passed" : "failed", findings };
    } catch (error) {
      return toolFailure(5, "security", error);
    }
  },
};
