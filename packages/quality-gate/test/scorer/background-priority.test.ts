import { getPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { lowerThreadPriority } from "../../src/scorer/background-priority.js";

/** The compiled module (`npm test` builds before it runs the tests): a worker cannot load TS. */
const compiled = fileURLToPath(
  new URL("../../dist/scorer/background-priority.js", import.meta.url),
);

/** Runs `lowerThreadPriority` on a worker thread; answers what it returned and the thread's nice. */
function lowerOnWorker(): Promise<{ lowered: boolean; nice: number | null }> {
  const code = `
    const { parentPort } = require("node:worker_threads");
    const { readlinkSync } = require("node:fs");
    const { getPriority } = require("node:os");
    import(${JSON.stringify(compiled)}).then(({ lowerThreadPriority }) => {
      const lowered = lowerThreadPriority();
      let nice = null;
      try { nice = getPriority(Number(readlinkSync("/proc/thread-self").split("/").pop())); } catch {}
      parentPort.postMessage({ lowered, nice });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("lowerThreadPriority", () => {
  it("lowers only the calling thread, on Linux, to the lowest priority", async () => {
    const before = getPriority();
    const { lowered, nice } = await lowerOnWorker();
    expect(lowered).toBe(process.platform === "linux");
    if (lowered) expect(nice).toBe(19);
    expect(getPriority()).toBe(before);
  });

  it("leaves the priority alone where the thread cannot be named", () => {
    const before = getPriority();
    expect(lowerThreadPriority("/no/such/thread-self")).toBe(false);
    expect(getPriority()).toBe(before);
  });
});
