// A test script's builds write into the tree the other rungs read (tshy writes and removes
// src/package.json): rung 3 runs them only once those rungs are done, and its runner alone
// does not wait.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/config-schema.js";
import type { RungContext } from "../../../src/ladder/rung.js";
import { discoverProject } from "../../../src/project/discover-project.js";
import { tested } from "../../../src/rungs/tested.js";
import { readRepositoryTools } from "../../../src/tools/repository-tools.js";
import { tempRepo } from "../../support/temp-repo.js";

const TEST = 'import test from "node:test";\ntest("one", () => {});\n';
// Fails unless the other rungs were done when it ran.
const PRETEST = `node -e "process.exit(require('fs').existsSync('others-done') ? 0 : 1)"`;

function contextFor(root: string, othersSettled: () => Promise<void>): RungContext {
  const project = discoverProject(root);
  return {
    root,
    config: configSchema.parse({}),
    project,
    tools: () => readRepositoryTools(project),
    programs: () => [],
    workspace: () => {
      throw new Error("rung 3 reads no public surface");
    },
    onlyFiles: undefined,
    signal: new AbortController().signal,
    othersSettled,
  };
}

describe("rung 3's builds and the other rungs", { timeout: 120_000 }, () => {
  it("runs the script's pretest only once the other rungs have settled", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({
        name: "b",
        type: "module",
        scripts: { pretest: PRETEST, test: "node --test test/" },
      }),
      "tsconfig.json": "{}",
      "test/a.test.mjs": TEST,
    });
    const settled = async (): Promise<void> => {
      await Promise.resolve();
      writeFileSync(join(root, "others-done"), "");
    };
    expect((await tested.run(contextFor(root, settled))).status).toBe("passed");
  });

  it("does not wait when the script runs its runner alone", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({
        name: "b",
        type: "module",
        scripts: { test: "node --test test/" },
      }),
      "tsconfig.json": "{}",
      "test/a.test.mjs": TEST,
    });
    const never = (): Promise<void> => new Promise(() => undefined);
    expect((await tested.run(contextFor(root, never))).status).toBe("passed");
    expect(existsSync(join(root, "others-done"))).toBe(false);
  });
});
