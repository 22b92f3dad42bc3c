// Rung 2 with only a lint script the gate has no adapter for: its exit code decides, and a script
// that writes files is not run.
import { describe, expect, it } from "vitest";
import { places, runRung } from "../../support/rung-run.js";
import { tempRepo } from "../../support/temp-repo.js";

function repo(scripts: Record<string, string>) {
  return tempRepo({
    "package.json": JSON.stringify({ name: "s", scripts }),
    "tsconfig.json": "{}",
  });
}

describe("rung 2 with the repository's lint script", { timeout: 120_000 }, () => {
  it("passes when the script passes, and fails with its first error line when it fails", async () => {
    expect((await runRung(repo({ lint: "node -e 0" }), 2)).status).toBe("passed");
    const failed = await runRung(
      repo({ lint: "node -e \"console.error('error: 3 problems'); process.exit(1)\"" }),
      2,
    );
    expect(places(failed)).toEqual(["lint-script/failed package.json:1"]);
    expect(failed.findings[0]?.message).toMatch(/^npm run lint failed: error: 3 problems\./);
  });

  it("does not run a lint script that would write files", async () => {
    const result = await runRung(repo({ lint: "mylinter --fix ." }), 2);
    expect(result.findings[0]?.message).toMatch(/lint script writes files \(mylinter --fix \.\)/);
  });
});
