#!/usr/bin/env node
// `pnpm bench:cache`: TtlCache against lru-cache, @isaacs/ttlcache, node-cache, quick-lru,
// mnemonist, lru.min, tiny-lru and Map;
// `pnpm bench:cache --redis`: the Redis tier against bentocache and cache-manager (bench/redis/).
// Needs the compiled package (`npm run build`). See --help and packages/cache/docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { cpus, platform, release } from "node:os";
import { parseOptions, USAGE } from "./args.mjs";
import { CONTENDERS } from "./contenders.mjs";
import { writeDocs } from "./docs.mjs";
import { textTable } from "./format.mjs";
import { createRandom, shuffle } from "./keys.mjs";
import { buildHeadToHead, buildSections, H2H_HEADER, HEADER } from "./report.mjs";
import { runJob } from "./run-jobs.mjs";
import { checkTargets } from "./targets.mjs";
import { WORKLOADS } from "./workloads/index.mjs";
import { SWEEP_INTERVAL } from "./workloads/ttl-heavy.mjs";
import { mergeAnswers } from "./merge.mjs";
import { expandResult, planJobs } from "./plan.mjs";
import { runRedisBench } from "./redis/run.mjs";

const log = (line) => process.stderr.write(`${line}\n`);

async function runChecks(contenders) {
  const checks = {};
  for (const contender of contenders) {
    const answer = await runJob({ kind: "check", contenderId: contender.id });
    checks[contender.id] = answer.ok
      ? answer.checks
          .filter((check) => !check.ok)
          .map((check) => `${check.check}: ${check.detail}`)
      : [`check crashed: ${answer.error}`];
  }
  return checks;
}

/** Each job runs `repeat` times in separate workers, shuffled over the whole run. */
async function runPlan(plan, options) {
  const { settings, repeat } = options;
  const perRun = { ...settings, rounds: Math.ceil(settings.rounds / repeat) };
  const runs = plan.jobs.flatMap((job) => Array.from({ length: repeat }, () => job));
  shuffle(runs, createRandom(settings.seed));
  const answers = new Map(plan.jobs.map((job) => [job, []]));
  for (const [index, job] of runs.entries()) {
    log(`[${index + 1}/${runs.length}] ${job.workload.id} × ${job.contender.id}`);
    const message = {
      kind: "workload",
      contenderId: job.contender.id,
      workloadId: job.workload.id,
    };
    answers.get(job).push(await runJob({ ...message, settings: perRun }));
  }
  return [
    ...plan.skipped,
    ...plan.jobs.flatMap((job) => expandResult(job, mergeAnswers(answers.get(job)))),
  ];
}

function order(results, workloads, contenders) {
  const rank = (row) => [
    workloads.findIndex((w) => w.id === row.workloadId),
    contenders.findIndex((c) => row.contenderId.startsWith(c.id)),
  ];
  return [...results].sort((a, b) => {
    const [wa, ca] = rank(a);
    const [wb, cb] = rank(b);
    return wa - wb || ca - cb || a.contenderId.localeCompare(b.contenderId);
  });
}

function describeMachine(options, seconds) {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? "unknown CPU",
    cores: cpu.length,
    os: `${platform()} ${release()}`,
    node: process.version,
    command: `pnpm bench:cache ${process.argv.slice(2).join(" ")}`.trim(),
    settings: options.settings,
    repeat: options.repeat,
    seconds,
    sweepNote: `${(SWEEP_INTERVAL * 1.2) / 1000} s (real)`,
  };
}

function printTable(sections, headToHead, targets) {
  for (const section of sections) {
    console.log(`\n${section.title}  [${section.unit}]`);
    console.log(textTable(HEADER, section.rows));
  }
  if (headToHead.length > 0) {
    console.log("\nHead to head: TtlCache's speed over each contender's, per-round ratios");
    console.log(textTable(H2H_HEADER, headToHead));
  }
  console.log("\nTargets");
  console.log(
    textTable(
      ["issue", "target", "measured", "met"],
      targets.map((t) => [
        String(t.issue),
        t.target,
        t.measured,
        t.met === null ? "not measured" : t.met ? "yes" : "NO",
      ]),
    ),
  );
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  if (options.redis) return runRedisBench(options);
  const began = Date.now();
  const contenders = CONTENDERS.filter((c) => options.contenders?.includes(c.id) ?? true);
  const workloads = WORKLOADS.filter((w) => options.only?.includes(w.id) ?? true);
  log(`seed ${options.settings.seed}; correctness checks…`);
  const checks = await runChecks(contenders);
  const plan = planJobs({
    workloads,
    contenders,
    checks,
    includeFailing: options.includeFailing,
  });
  const results = order(await runPlan(plan, options), workloads, contenders);
  const sections = buildSections(results, workloads, contenders);
  const headToHead = buildHeadToHead(results);
  const targets = checkTargets(results);
  const meta = describeMachine(options, Math.round((Date.now() - began) / 1000));
  const labelledChecks = Object.fromEntries(contenders.map((c) => [c.label, checks[c.id]]));
  if (options.json)
    console.log(JSON.stringify({ meta, checks: labelledChecks, targets, results }, null, 2));
  else printTable(sections, headToHead, targets);
  if (options.writeDocs) {
    const run = { meta, sections, headToHead, targets, checks: labelledChecks };
    log(`wrote ${await writeDocs(run)}`);
  }
  log(`done in ${meta.seconds} s`);
}

// V8 flags are per process: worker_threads reject --expose-gc in execArgv but inherit it from the
// process, so the driver restarts itself with the flag once.
if (typeof globalThis.gc === "function") {
  await main();
} else {
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: "inherit",
    },
  );
  process.exitCode = child.status ?? 1;
}
