// Eight processes sharing one key space on one Redis, per contender: the mixed workload's total
// throughput (wall clock: these processes wait on Redis, so CPU time would not measure them) and
// the loader calls it took, and a cold-key stampede. Contenders alternate run by run; the database
// is flushed before each run, so every run starts cold.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { summarize } from "../measure.mjs";

const WORKER = fileURLToPath(new URL("./throughput-worker.mjs", import.meta.url));
export const PROCESSES = 8;

/** The workloads of the 8-process runs: reads only, then reads with writes. */
export const MIXES = [
  { id: "read", title: "100 % fetch", setEvery: 0 },
  { id: "write", title: "95 % fetch, 5 % set", setEvery: 20 },
];

function startWorkers(contender, url, namespace) {
  return Array.from({ length: PROCESSES }, (_, i) => {
    const child = fork(WORKER, [], {
      env: {
        ...process.env,
        URL: url,
        NAMESPACE: namespace,
        CONTENDER: contender.id,
        WORKER: String(i),
      },
    });
    const pending = new Map();
    let next = 0;
    const ready = new Promise((resolve, reject) => {
      child.once("exit", (code) =>
        reject(new Error(`${contender.id} worker ${i} exited with ${code}`)),
      );
      child.on("message", (message) => {
        if (message.event === "ready") resolve();
        else pending.get(message.id)?.(message);
      });
    });
    const request = (command, args = {}) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, (reply) =>
          reply.error ? reject(new Error(reply.error)) : resolve(reply),
        );
        child.send({ id, command, ...args });
      });
    return { child, ready, request };
  });
}

async function runOnce(contender, mix, settings, run) {
  const raw = new Redis(settings.url);
  await raw.flushdb();
  raw.disconnect();
  const namespace = `${mix.id}-${contender.id}-${run}`;
  const workers = startWorkers(contender, settings.url, namespace);
  await Promise.all(workers.map((w) => w.ready));
  const mixArgs = {
    seconds: settings.seconds,
    concurrency: 16,
    space: 10_000,
    seed: settings.seed,
  };
  const mixes = await Promise.all(workers.map((w) => w.request("mix", mixArgs)));
  const key = `cold:${run}`;
  const stampedes = await Promise.all(
    workers.map((w) => w.request("stampede", { key, count: 100 })),
  );
  await Promise.all(workers.map((w) => w.request("close").catch(() => undefined)));
  for (const w of workers) if (w.child.exitCode === null) w.child.kill();
  const seconds = Math.max(...mixes.map((m) => m.ms)) / 1000;
  const ops = mixes.reduce((sum, m) => sum + m.ops, 0);
  const loads = mixes.reduce((sum, m) => sum + m.loads, 0);
  return {
    opsPerSec: ops / seconds,
    loads,
    loadsPerThousand: (loads / ops) * 1000,
    cpuMicrosPerCall: (mixes.reduce((sum, m) => sum + m.cpuMs, 0) / ops) * 1000,
    stampedeLoads: stampedes.reduce((sum, s) => sum + s.loads, 0),
    stampedeMs: Math.max(...stampedes.map((s) => s.ms)),
  };
}

/**
 * Runs every mix on every contender `settings.runs` times, contenders alternating.
 *
 * @param {object[]} contenders - the adapters
 * @param {{ url: string, runs: number, seconds: number, seed: number, log: (line: string) => void }} settings
 * @returns {Promise<object[]>} one row per mix and contender
 */
export async function runThroughput(contenders, settings) {
  const rows = [];
  for (const mix of MIXES) {
    const runs = new Map(contenders.map((c) => [c.id, []]));
    for (let run = 0; run < settings.runs; run++) {
      for (let j = 0; j < contenders.length; j++) {
        const contender = contenders[(run + j) % contenders.length];
        settings.log(`throughput ${mix.id}: run ${run + 1}/${settings.runs}, ${contender.id}`);
        runs.get(contender.id).push(await runOnce(contender, mix, settings, run));
      }
    }
    for (const contender of contenders)
      rows.push(summarizeRuns(mix, contender, runs.get(contender.id)));
  }
  return rows;
}

function summarizeRuns(mix, contender, results) {
  const pick = (field) => summarize(results.map((r) => r[field]));
  return {
    mixId: mix.id,
    mixTitle: mix.title,
    contenderId: contender.id,
    label: contender.label,
    invalidates: contender.invalidates,
    opsPerSec: pick("opsPerSec"),
    loads: pick("loads"),
    loadsPerThousand: pick("loadsPerThousand"),
    cpuMicrosPerCall: pick("cpuMicrosPerCall"),
    stampedeLoads: pick("stampedeLoads"),
    stampedeMs: pick("stampedeMs"),
  };
}
