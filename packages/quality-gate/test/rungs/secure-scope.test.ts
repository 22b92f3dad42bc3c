// Rung 5 looks at what a package runs: every source file its tsconfig includes, whatever the
// folder is called, and its bin/ scripts, which ship to users as much as the compiled source
// does; a sink in either fails the rung. Tests are not scanned.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/default-config.js";
import { runLadder } from "../../src/ladder/run-ladder.js";

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "qg-secure-scope-"));
  mkdirSync(join(root, "src"));
  mkdirSync(join(root, "bin"));
  writeFileSync(
    join(root, "package.json"),
    JSON.stringify({ name: "scoped", type: "module", bin: { scoped: "./bin/scoped.js" } }),
  );
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", types: [] } }),
  );
  writeFileSync(join(root, "src", "index.ts"), "/** One. */\nexport const one: number = 1;\n");
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function secureFindings(): Promise<string[]> {
  const { rungs } = await runLadder({ root, config: DEFAULT_CONFIG, rungs: [5], bail: false });
  return (rungs[5]?.findings ?? []).map((finding) => `${finding.file} ${finding.ruleId}`);
}

describe("rung 5's scope", { timeout: 60_000 }, () => {
  it("reports a sink in a bin script", async () => {
    writeFileSync(
      join(root, "bin", "scoped.js"),
      "#!/usr/bin/env node\neval(process.argv[2]);\n",
    );
    writeFileSync(
      join(root, "bin", "helper.cjs"),
      'const { exec } = require("node:child_process");\nexec(`ls ${process.argv[2]}`);\n',
    );
    expect(await secureFindings()).toEqual([
      "bin/helper.cjs security/no-dynamic-exec",
      "bin/scoped.js security/no-eval",
    ]);
  });

  it("passes bin scripts without sinks", async () => {
    writeFileSync(join(root, "bin", "scoped.js"), '#!/usr/bin/env node\nconsole.log("hi");\n');
    expect(await secureFindings()).toEqual([]);
  });
});

describe("rung 5 on a repository whose sources are in source/", { timeout: 60_000 }, () => {
  it("scans every file the tsconfig includes, and leaves tests out", async () => {
    const fixture = fileURLToPath(new URL("../fixtures/secure-source-dir", import.meta.url));
    const { rungs } = await runLadder({
      root: fixture,
      config: DEFAULT_CONFIG,
      rungs: [5],
      bail: false,
    });
    expect(rungs[5]?.status).toBe("failed");
    expect(rungs[5]?.findings.map((f) => [f.file, f.ruleId, f.line])).toEqual([
      ["source/run.ts", "security/no-eval", 12],
    ]);
  });
});
