// The ladder's own configuration: the defaults, plus one value the secret scanner must not report.
import { defineConfig } from "@ladder/quality-gate";

export default defineConfig({
  // Fixture repositories are test data (some broken on purpose) with configs of their own.
  exclude: ["packages/*/test/fixtures/**", "test/fixtures/**"],
  rungs: {
    secure: {
      // AWS's published example access key, used in the scanner's TSDoc example; not a secret.
      allowSecrets: ["AKIAIOSFODNN7EXAMPLE"],
    },
  },
});
