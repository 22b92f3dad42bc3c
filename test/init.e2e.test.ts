// `quality-gate init` on a repository created from nothing: afterwards `npm run precommit` climbs
// the whole ladder, and a second `init` changes no file.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { bareRepo, gate } from "./support/bare-repo.js";

function files(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.parentPath.includes("node_modules"))
      .map((entry) => join(entry.parentPath, entry.name))
      .map((file) => [relative(root, file), readFileSync(file, "utf8")]),
  );
}

describe("init on a bare TypeScript repository", { timeout: 180_000 }, () => {
  it("brings the ladder: npm run precommit climbs to rung 7, and init is idempotent", () => {
    const root = bareRepo();
    const first = gate(root, "init");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("created  quality-gate.config.ts");
    expect(first.stdout).toContain(
      "updated  package.json (scripts: precommit, prepare; devDependencies:",
    );

    const precommit = spawnSync("npm", ["run", "precommit"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "" },
    });
    expect(precommit.stdout).toContain("Quality Metrics");
    expect(precommit.stdout).toContain("Reached 7 — documented; target 7: passed.");
    expect(precommit.status).toBe(0);

    const before = files(root);
    const second = gate(root, "init");
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/^(created|updated)/m);
    expect(files(root)).toEqual(before);
  });
});
