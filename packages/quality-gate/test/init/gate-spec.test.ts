// Which spec `init` writes for the gate: --from as a path or a spec, the tarball npx ran, or the
// running version.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gateSpec } from "../../src/init/gate-spec.js";
import { initRepository } from "../../src/init/init-repo.js";
import { tempRepo } from "../support/temp-repo.js";

/** A gate installed the way `npx file:…tgz` installs it: npx's project names the tarball. */
function installedBy(dependencies: unknown): string {
  const project = tempRepo({ "package.json": JSON.stringify({ dependencies }) });
  const packageDir = join(project, "node_modules", "@ladder", "quality-gate");
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(packageDir, "package.json"), JSON.stringify({ version: "9.9.9" }));
  return packageDir;
}

describe("gateSpec", () => {
  const root = "/work/app";

  it.each([
    ["./dist/ladder-quality-gate-0.1.0.tgz", "file:./dist/ladder-quality-gate-0.1.0.tgz"],
    ["../ladder-quality-gate-0.1.0.tgz", "file:../ladder-quality-gate-0.1.0.tgz"],
    ["ladder-quality-gate-0.1.0.tgz", "file:./ladder-quality-gate-0.1.0.tgz"],
    ["file:../gate", "file:../gate"],
    ["/elsewhere/gate.tgz", "file:../../elsewhere/gate.tgz"],
    ["^0.2.0", "^0.2.0"],
    ["github:ladder/ladder#main", "github:ladder/ladder#main"],
  ])("writes --from %j as %j", (from, spec) => {
    expect(gateSpec({ root, cwd: root, from })).toBe(spec);
  });

  it("resolves a --from path against the working directory, not the repository", () => {
    expect(gateSpec({ root, cwd: "/work", from: "./gate.tgz" })).toBe("file:../gate.tgz");
  });

  it("adds the tarball npx ran, from wherever npx unpacked it", () => {
    const packageDir = installedBy({ "@ladder/quality-gate": "file:/work/gate.tgz" });
    expect(gateSpec({ root, cwd: root, packageDir })).toBe("file:../gate.tgz");
  });

  it.each([
    ["a range", { "@ladder/quality-gate": "^9.0.0" }],
    ["no such dependency", { other: "file:/x.tgz" }],
    ["no dependencies at all", undefined],
  ])("adds ^version when the installing project names %s", (_case, dependencies) => {
    const packageDir = installedBy(dependencies);
    expect(gateSpec({ root, cwd: root, packageDir })).toBe("^9.9.9");
  });

  it("adds ^version when the installing project's package.json is unreadable", () => {
    const packageDir = installedBy({});
    writeFileSync(join(packageDir, "..", "..", "..", "package.json"), "{ nope");
    expect(gateSpec({ root, cwd: root, packageDir })).toBe("^9.9.9");
  });

  it("adds this package's own version when it runs from its sources", () => {
    expect(gateSpec({ root, cwd: root })).toBe("^0.1.0");
  });
});

describe("initRepository's dev dependencies", () => {
  it("adds the gate and the tools it drives, leaving the versions the repository has", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "x", devDependencies: { eslint: "^9.1.0" } }),
      "tsconfig.json": "{}\n",
    });
    const { steps } = await initRepository(root);
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies).toMatchObject({
      eslint: "^9.1.0",
      "@ladder/quality-gate": "^0.1.0",
    });
    const updated = steps.find((step) => step.outcome === "updated");
    expect(updated?.detail.split(/\s*[:;,]\s*/)).not.toContain("eslint");
    expect(updated?.detail).toContain("typescript-eslint");
  });
});
