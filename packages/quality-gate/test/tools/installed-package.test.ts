// A repository's tools are what its own node_modules hold: never the gate's, even when the gate
// was started through a pnpm launcher that points NODE_PATH at the gate's own store.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { findInstalled } from "../../src/tools/installed-package.js";
import { tempRepo } from "../support/temp-repo.js";

const LADDER = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
const BUILT = pathToFileURL(
  join(LADDER, "packages/quality-gate/dist/tools/installed-package.js"),
);

/** findInstalled as a gate process started with this NODE_PATH sees it. */
function findWithNodePath(name: string, from: string, nodePath: string): unknown {
  const script = `import { findInstalled } from ${JSON.stringify(BUILT.href)};
    process.stdout.write(JSON.stringify(findInstalled(${JSON.stringify(name)}, ${JSON.stringify(from)}) ?? null));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, NODE_PATH: nodePath },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe("findInstalled", () => {
  it("finds a package installed in the repository, with its version and commands", () => {
    const root = tempRepo({
      "node_modules/tool/package.json": JSON.stringify({
        name: "tool",
        version: "1.2.3",
        bin: "cli.js",
      }),
    });
    expect(findInstalled("tool", root)).toEqual({
      name: "tool",
      version: "1.2.3",
      dir: join(root, "node_modules/tool"),
      bin: { tool: join(root, "node_modules/tool/cli.js") },
    });
  });

  it("does not take the gate's own copy through NODE_PATH for a repository without one", () => {
    const store = tempRepo({
      "tool/package.json": JSON.stringify({ name: "tool", version: "9.9.9" }),
    });
    const root = tempRepo({ "package.json": JSON.stringify({ devDependencies: { tool: "*" } }) });
    expect(findWithNodePath("tool", root, store)).toBeNull();
  });
});
