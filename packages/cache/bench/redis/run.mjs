// `pnpm bench:cache --redis`: @ladder/cache/redis against bentocache and cache-manager, each with
// its Redis store, on one redis-server started here. See docs/redis-benchmarks.md for the method.
import { spawnSync } from "node:child_process";
import { cpus, platform, release } from "node:os";
import { startRedisServer } from "../../test/support/redis-server.mjs";
import { textTable } from "../format.mjs";
import { CONTENDERS } from "./contenders.mjs";
import { writeRedisDocs } from "./docs.mjs";
import { LATENCY_WORKLOADS, runLatency } from "./latency.mjs";
import { LATENCY_HEADER, latencyCells, THROUGHPUT_HEADER, throughputCells } from "./report.mjs";
import { runThroughput } from "./throughput.mjs";

const log = (line) => process.stderr.write(`${line}\n`);

function redisVersion() {
  const probe = spawnSync(process.env.REDIS_SERVER ?? "redis-server", ["--version"], {
    encoding: "utf8",
  });
  return (probe.stdout.match(/v=(\S+)/)?.[0] ?? "redis ?").replace("v=", "redis-server ");
}

function describeRun(options, plan, began) {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? "unknown CPU",
    cores: cpu.length,
    os: `${platform()} ${release()}`,
    node: process.version,
    redis: redisVersion(),
    command: `pnpm bench:cache ${process.argv.slice(2).join(" ")}`.trim(),
    seed: options.settings.seed,
    ...plan,
    totalSeconds: Math.round((Date.now() - began) / 1000),
  };
}

function print(meta, latencyRows, throughputRows, options) {
  const latency = latencyCells(latencyRows, LATENCY_WORKLOADS);
  const throughput = throughputCells(throughputRows);
  if (options.json) {
    console.log(
      JSON.stringify({ meta, latency: latencyRows, throughput: throughputRows }, null, 2),
    );
  } else {
    console.log(
      `\nLatency  [µs per call; × ladder above 1 is slower]\n${textTable(LATENCY_HEADER, latency)}`,
    );
    console.log(
      `\n8 processes, one key space  [wall clock]\n${textTable(THROUGHPUT_HEADER, throughput)}`,
    );
  }
  return { latency, throughput };
}

/**
 * Runs the Redis benchmark.
 *
 * @param {object} options - from args.mjs (`quick`, `json`, `writeDocs`, `contenders`, `settings.seed`)
 */
export async function runRedisBench(options) {
  const began = Date.now();
  const contenders = CONTENDERS.filter((c) => options.contenders?.includes(c.id) ?? true);
  if (!contenders.some((c) => c.id === "ladder")) {
    throw new TypeError("Expected --contenders to include ladder, the baseline of every ratio.");
  }
  const plan = options.quick
    ? { rounds: 2, runs: 1, seconds: 1.5 }
    : { rounds: 5, runs: 3, seconds: 3 };
  const server = await startRedisServer();
  log(`redis-server on port ${server.port} (pid ${server.pid}); seed ${options.settings.seed}`);
  try {
    const settings = {
      url: server.url,
      rounds: plan.rounds,
      scale: options.quick ? 0.25 : 1,
      log,
    };
    const latencyRows = [];
    for (const workload of LATENCY_WORKLOADS) {
      latencyRows.push(...(await runLatency(workload, contenders, settings)));
    }
    const throughputRows = await runThroughput(contenders, {
      url: server.url,
      runs: plan.runs,
      seconds: plan.seconds,
      seed: options.settings.seed,
      log,
    });
    const meta = describeRun(options, plan, began);
    const tables = print(meta, latencyRows, throughputRows, options);
    if (options.writeDocs) log(`wrote ${await writeRedisDocs({ meta, ...tables })}`);
    log(`done in ${meta.totalSeconds} s`);
  } finally {
    await server.stop();
  }
}
