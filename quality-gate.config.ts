// The ladder's own configuration: the defaults, plus the reviewed exceptions of rung 5.
import { defineConfig } from "@ladder/quality-gate/config";

export default defineConfig({
  // Fixture repositories are test data (some broken on purpose) with configs of their own.
  exclude: ["packages/*/test/fixtures/**", "test/fixtures/**"],
  rungs: {
    secure: {
      // AWS's published example access key, used in the scanner's TSDoc example; not a secret.
      allowSecrets: ["AKIAIOSFODNN7EXAMPLE"],
      allowSinks: [
        {
          file: "packages/quality-gate/src/code-cache.ts",
          rule: "security/no-dynamic-vm",
          reason:
            "compiles a module file that require resolved (typescript.js) to use a V8 code cache; the code is the installed package's, as trusted as require()",
        },
        {
          file: "packages/quality-gate/bin/snapshot-builder.cjs",
          rule: "security/no-dynamic-vm",
          reason:
            "evaluates installed module files (the compiled snapshot entry and typescript.js) as require would, inside node --build-snapshot, whose require loads only built-in modules; no code comes from input",
        },
      ],
    },
  },
});
