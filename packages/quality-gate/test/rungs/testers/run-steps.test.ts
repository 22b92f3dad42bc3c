// The environment a repository's test script runs in: its binaries, then the gate's own Node.
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { scriptEnvironment } from "../../../src/rungs/testers/run-steps.js";
import { tempRepo } from "../../support/temp-repo.js";

describe("scriptEnvironment", () => {
  it("makes `node` in a script the Node running the gate, not the first one on PATH", () => {
    const root = tempRepo({ "package.json": "{}", "other-node/node": "#!/bin/sh\n" });
    const saved = process.env.PATH;
    process.env.PATH = [join(root, "other-node"), saved].join(delimiter);
    try {
      const dirs = (scriptEnvironment(root).PATH ?? "").split(delimiter);
      expect(dirs.find((dir) => existsSync(join(dir, "node")))).toBe(dirname(process.execPath));
    } finally {
      process.env.PATH = saved;
    }
  });

  it("puts the repository's own binaries first, its own before its parents'", () => {
    const root = tempRepo({ "package.json": "{}" });
    const dirs = (scriptEnvironment(root).PATH ?? "").split(delimiter);
    expect(dirs.slice(0, 2)).toEqual([
      join(root, "node_modules", ".bin"),
      join(dirname(root), "node_modules", ".bin"),
    ]);
  });
});
