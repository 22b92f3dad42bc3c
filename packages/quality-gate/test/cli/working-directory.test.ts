// A check gives the same report from whatever directory it is started: the repository's tools,
// config and scope are found from the repository, never from the working directory.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build-report.js";
import { runCli } from "../support/run-cli.js";

const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

/** The report without its timings, which differ from run to run. */
function untimed(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  return {
    ...report,
    rungs: report.rungs.map((rung) => ({ ...rung, durationMs: 0, startedAtMs: 0 })),
  };
}

describe("check from any working directory", { timeout: 120_000 }, () => {
  it("reports the same from the repository, from above it, and from elsewhere", async () => {
    const args = ["--only", "0,1,2,4,5,6,7", "--format", "json", "--no-cache"];
    const inside = await runCli(["check", ".", ...args], `${fixtures}/broken-format`);
    const above = await runCli(["check", "broken-format", ...args], fixtures);
    const elsewhere = await runCli(["check", `${fixtures}/broken-format`, ...args], "/");
    expect(inside.code).toBe(1);
    expect(untimed(above.stdout)).toEqual(untimed(inside.stdout));
    expect(untimed(elsewhere.stdout)).toEqual(untimed(inside.stdout));
  });
});
