// Rung 6: the channels a package emits and the channels its docs list are the same set.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkTelemetry } from "../../src/scorer/check-telemetry.js";
import { createProgram } from "../../src/ladder/create-program.js";

function check(fixture: string) {
  const root = fileURLToPath(new URL(`../fixtures/${fixture}`, import.meta.url));
  const program = createProgram(root);
  return checkTelemetry(program, root, {
    name: fixture,
    dir: root,
    entryFile: `${root}/src/index.ts`,
  });
}

describe("checkTelemetry", () => {
  it("passes when emitted and documented channels match, through constants, aliases and namespaces", () => {
    expect(check("telemetry-ok")).toEqual([]);
  });

  it("reports each undocumented, unemitted and dynamic channel where it is", () => {
    expect(check("telemetry-broken")).toEqual([
      {
        code: "dynamic-channel-name",
        channel: "channel(`orders:${kind}`)",
        package: "telemetry-broken",
        file: "src/index.ts",
        line: 20,
        column: 3,
      },
      {
        code: "undocumented-channel",
        channel: "orders:cancelled",
        package: "telemetry-broken",
        file: "src/index.ts",
        line: 9,
        column: 19,
      },
      {
        code: "unemitted-channel",
        channel: "orders:shipped",
        package: "telemetry-broken",
        file: "src/index.ts",
        line: 1,
        column: 1,
      },
    ]);
  });

  it("matches dotted, colon-separated and plain names exactly, and reads only colon names as claims", () => {
    expect(check("telemetry-exact").map((p) => [p.code, p.channel, p.line])).toEqual([
      ["undocumented-channel", "mylib.response", 11],
      ["unemitted-channel", "undici:request:retry", 1],
    ]);
  });

  it("passes on this repository's @ladder/cache, whose docs list every channel it emits", () => {
    const root = fileURLToPath(new URL("../../../..", import.meta.url));
    const program = createProgram(root);
    const dir = `${root}packages/cache`;
    const problems = checkTelemetry(program, root, {
      name: "@ladder/cache",
      dir,
      entryFile: `${dir}/src/index.ts`,
    });
    expect(problems).toEqual([]);
  });
});
