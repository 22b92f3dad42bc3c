/**
 * Rung 5, secure: no dangerous sinks, no hard-coded secrets, no unvalidated `JSON.parse` leaving
 * a public function. Scans every source file the tsconfig includes and each package's `bin/`
 * scripts, tests left out (see `secure-files.ts`).
 */
import type { Rung } from "../ladder/rung.js";
import { secureFiles } from "./secure-files.js";
import { toolFailure } from "./tool-failure.js";

/** Rung 5. */
export const secure: Rung = {
  id: 5,
  name: "secure",
  traits: { readsSurface: true, wholeInOneShard: false, sinceScope: "changes" },
  async run(context) {
    try {
      const workspace = context.workspace();
      const files = secureFiles(
        context.root,
        context.project.tsconfigs.flatMap((tsconfig) => [...tsconfig.fileNames]),
        workspace.packages.map((pkg) => pkg.dir),
      ).filter((file) => context.onlyFiles?.has(file) !== false);
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
