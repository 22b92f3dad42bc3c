// The gate's pieces on plain data: the --since filter, the shard slice and the baseline file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { openBaseline } from "../../src/gate/baseline-gate.js";
import { changedFindings, symbolSpans } from "../../src/gate/since-filter.js";
import type { Finding } from "../../src/ladder/finding.js";
import { planShard } from "../../src/gate/shard-plan.js";
import { discoverProject } from "../../src/project/discover-project.js";
import { finding, sampleReport } from "../reporters/sample-report.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qg-gate-units-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("changedFindings", () => {
  const changes = {
    base: "abc",
    files: new Map([
      [
        "src/a.ts",
        {
          path: "src/a.ts",
          previousPath: "src/a.ts",
          added: false,
          ranges: [[10, 12]] as [number, number][],
        },
      ],
    ]),
  };

  it("uses a symbol's line when no span was collected, and drops unchanged files", () => {
    const keep = changedFindings(changes, symbolSpans(undefined));
    const at = (overrides: Partial<Finding>): Finding =>
      finding({ file: "src/a.ts", ...overrides });
    expect(keep(at({ line: 11, symbol: "x", rung: 7 }))).toBe(true);
    expect(keep(at({ line: 3, symbol: "x", rung: 7 }))).toBe(false);
    expect(keep(at({ file: "src/b.ts", line: 11, rung: 2 }))).toBe(false);
    expect(keep(at({ file: "src/b.ts", rung: 3 }))).toBe(true);
  });
});

describe("planShard", () => {
  it("gives findings outside the repository's files to shard 1 and keeps scored rungs' status", () => {
    writeFileSync(join(dir, "tsconfig.json"), '{ "include": ["src"] }\n');
    const config = configSchema.parse({});
    const report = {
      ...sampleReport([
        finding({ file: "tsconfig.json", rung: 0 }),
        finding({ file: "x.ts", rung: 7 }),
      ]),
    };
    const failed = {
      ...report,
      rungs: report.rungs.map((rung) => ({
        ...rung,
        status: rung.id === 7 ? "failed" : rung.status,
      })),
    };
    const first = planShard(
      discoverProject(dir),
      config,
      { index: 1, count: 2 },
      { repository: "units" },
    ).finish(failed, undefined);
    const second = planShard(
      discoverProject(dir),
      config,
      { index: 2, count: 2 },
      { repository: "units" },
    );
    expect(first.findings).toHaveLength(2);
    expect(second.finish(failed, undefined).findings).toEqual([]);
    expect(second.finish(failed, undefined).rungs[7]?.status).toBe("failed");
    expect(second.rungs([0, 3, 7])).toEqual([0, 7]);
  });

  it("slices only the globbed files when there is no tsconfig", () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    writeFileSync(join(dir, "b.ts"), "export const b = 1;\n");
    const config = configSchema.parse({ include: ["*.ts"] });
    expect([
      ...planShard(discoverProject(dir), config, { index: 2, count: 2 }, { repository: "units" })
        .onlyFiles,
    ]).toEqual([join(dir, "b.ts")]);
  });
});

describe("openBaseline", () => {
  it("does not create a missing file in a partial run and says so", () => {
    const gate = openBaseline(join(dir, "b.json"), {}, "--since");
    const { events, report } = gate!.finish(sampleReport([finding({})]), undefined);
    expect(events).toEqual([
      { kind: "not-created", path: join(dir, "b.json"), partial: "--since" },
    ]);
    expect(report.gate).toEqual({ tolerated: 0 });
  });

  it("turns an unwritable baseline into a one-line setup error", () => {
    const gate = openBaseline(join(dir, "missing-dir", "b.json"), {}, undefined);
    expect(() => gate!.finish(sampleReport([]), undefined)).toThrow(/Cannot write the baseline/);
  });

  it("is absent without --baseline", () => {
    expect(openBaseline(undefined, {}, undefined)).toBeUndefined();
  });
});
