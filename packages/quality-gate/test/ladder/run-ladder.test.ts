// Climbing the ladder in process: --bail stops at the first failure and skips the rest, progress
// is reported per rung with durations from the injected clock, and a repository whose public API
// the scorer cannot find is a setup error that says what was looked for.
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { QualityGateError } from "../../src/errors.js";
import { assertEntryPoints, runLadder } from "../../src/ladder/run-ladder.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { tempRepo } from "../support/temp-repo.js";

const config = configSchema.parse({});

describe("runLadder", { timeout: 120_000 }, () => {
  it("stops at the first failing rung with bail, the rest skipped, reporting each rung's progress", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "b", type: "module" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [] } }),
      "src/index.ts": 'export const wrong: number = "x";\n',
    });
    let time = 0;
    const events: string[] = [];
    const { rungs } = await runLadder({
      root,
      config,
      rungs: [0, 1],
      bail: true,
      now: () => (time += 5),
      onProgress: ({ rung, result }) => {
        events.push(`${String(rung.id)} ${result?.status ?? "started"}`);
      },
    });
    expect(events).toEqual(["0 started", "0 failed"]);
    expect(rungs.map((rung) => rung.status)).toEqual([
      "failed",
      "skipped",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
    ]);
    expect(rungs[0]).toMatchObject({ startedAtMs: 5, durationMs: 5 });
  });

  it("fails the whole run, once every rung stopped, when the scored rungs find no exported symbol", async () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "quiet", type: "module" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [] } }),
      "src/index.ts": "const hidden = 1;\nvoid hidden;\n",
    });
    await expect(runLadder({ root, config, rungs: [4, 7], bail: false })).rejects.toMatchObject({
      code: "NO_PUBLIC_API",
      message: expect.stringMatching(/found no exported symbol in src\/index\.ts/) as unknown,
    });
  });

  it("says a folder that does not exist is no repository", async () => {
    await expect(
      runLadder({ root: "/no/such/folder", config, rungs: [0], bail: false }),
    ).rejects.toMatchObject({ code: "DIRECTORY_NOT_FOUND" });
  });
});

describe("assertEntryPoints", () => {
  it("names each package's entry points when no source file is behind them", () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "lib", exports: "./dist/index.js" }),
      "tsconfig.json": "{}",
    });
    expect(() => {
      assertEntryPoints(discoverProject(root));
    }).toThrow(
      /the gate found no source file behind the public entry points of lib \(\.\/dist\/index\.js\)/,
    );
  });

  it("says there are no entry points at all for a package that names none", () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "bare" }),
      "tsconfig.json": "{}",
    });
    expect(() => {
      assertEntryPoints(discoverProject(root));
    }).toThrow(/entry points of bare \(no exports, main, types or bin; no src\/index\.ts\)/);
  });

  it("names the entry files when they export no symbol, and passes when they do", () => {
    const root = tempRepo({
      "package.json": JSON.stringify({ name: "empty" }),
      "tsconfig.json": "{}",
      "src/index.ts": "const hidden = 1;\n",
    });
    const project = discoverProject(root);
    expect(() => {
      assertEntryPoints(project);
    }).not.toThrow();
    expect(() => {
      assertEntryPoints(project, 3);
    }).not.toThrow();
    let thrown: unknown;
    try {
      assertEntryPoints(project, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QualityGateError);
    expect(thrown).toMatchObject({ code: "NO_PUBLIC_API" });
    expect((thrown as Error).message).toMatch(
      /found no exported symbol in src\/index\.ts\. Set entryPoints/,
    );
  });
});
