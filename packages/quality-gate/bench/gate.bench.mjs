// pnpm bench:gate: times the scorer against the tools it replaces, side by side in one run, on a
// generated 1 000-module corpus, and prints ratios against `tsc --noEmit` (this machine is noisy,
// so only ratios within one run mean anything). Each round runs every contender once, in a fresh
// random order; the table shows the median and the spread (min-max) over the rounds, and the
// median over the rounds of each round's ratio to that round's tsc: the machine's speed drifts
// over minutes (other tenants), and a ratio within one round cancels most of that drift.
// quality-gate runs as on a developer's machine: from a start-up snapshot (`quality-gate warm`,
// made once before timing, kept in the corpus) and with its incremental cache (TSDoc readings of
// unchanged files) from the round before; two rows time it cold, as a first CI run on a fresh
// machine would (QUALITY_GATE_SNAPSHOT=0 and --no-cache).
// Two rows time the incremental cache: a full check (every rung but the tests) with the cache
// deleted, and the same check after a one-file edit with a warm cache (--skip-incremental
// leaves them out).
//
//   node packages/quality-gate/bench/gate.bench.mjs --help
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.mjs";

const USAGE = `Usage: pnpm bench:gate [options]
  --rounds N     timed rounds; each runs every contender once, in a fresh random order (default 5)
  --modules N    modules in the generated corpus, about 12 exported symbols each (default 1000)
  --json         print machine-readable results on stdout
  --skip-incremental
                 leave out the two rows that time the incremental cache (cold, then warm)
  --help         this text`;

function readFlags(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: "string", default: "5" },
      modules: { type: "string", default: "1000" },
      json: { type: "boolean", default: false },
      "skip-incremental": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  for (const name of ["rounds", "modules"]) {
    const number = Number(values[name]);
    if (!Number.isInteger(number) || number < 1) {
      throw new TypeError(
        `Expected --${name} to be a whole number from 1 up, got "${values[name]}".`,
      );
    }
  }
  return values;
}

let flags;
try {
  flags = readFlags(process.argv.slice(2));
} catch (error) {
  // A typo in a flag deserves one line and the usage, not parseArgs' stack trace.
  process.stderr.write(`bench:gate: ${error.message}\n${USAGE}\n`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = fileURLToPath(new URL("../../..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const gate = join(root, "packages", "quality-gate", "bin", "quality-gate.js");
const corpus = join(tmpdir(), "ladder-gate-bench");

// The corpus keeps its own snapshot, so the bench never touches the user's.
const snapshotDir = join(corpus, "node_modules", ".cache", "quality-gate-snapshot");
const fromSnapshot = { ...process.env, QUALITY_GATE_SNAPSHOT_DIR: snapshotDir };
const noSnapshot = { ...process.env, QUALITY_GATE_SNAPSHOT: "0" };

const contenders = [
  { name: "tsc --noEmit", command: [bin("tsc"), "--noEmit", "-p", corpus] },
  ...["4,7", "0,4,7"].flatMap((rungs) => [
    {
      name: `quality-gate --only ${rungs}`,
      command: [process.execPath, gate, "check", corpus, "--only", rungs, "--format", "json"],
      env: fromSnapshot,
      needs: gate,
      exitCodes: [0, 1],
    },
    {
      name: `quality-gate --only ${rungs}, cold (no snapshot, no cache)`,
      command: [
        ...[process.execPath, gate, "check", corpus, "--only", rungs],
        ...["--format", "json", "--no-cache"],
      ],
      env: noSnapshot,
      needs: gate,
      exitCodes: [0, 1],
    },
  ]),
  {
    name: "typedoc --validation.notDocumented",
    command: [
      bin("typedoc"),
      "--emit",
      "none",
      "--validation.notDocumented",
      "--entryPoints",
      join(corpus, "src/index.ts"),
      "--tsconfig",
      join(corpus, "tsconfig.json"),
      "--logLevel",
      "Error",
    ],
    exitCodes: [0, 1],
  },
  { name: "type-coverage", command: [bin("type-coverage"), "-p", join(corpus, "tsconfig.json")] },
];

const fullCheck = [process.execPath, gate, "check", corpus, "--only", "0,1,2,4,5,6,7"];
const cacheDir = join(corpus, "node_modules", ".cache", "quality-gate");
let edits = 0;
if (!flags["skip-incremental"]) {
  contenders.push(
    {
      name: "quality-gate check, cold cache",
      command: [...fullCheck, "--format", "json"],
      env: fromSnapshot,
      needs: gate,
      exitCodes: [0, 1],
      prepare: () => rmSync(cacheDir, { recursive: true, force: true }),
    },
    {
      name: "quality-gate check, warm, 1 file edited",
      command: [...fullCheck, "--format", "json"],
      env: fromSnapshot,
      needs: gate,
      exitCodes: [0, 1],
      prepare: () => {
        if (!existsSync(cacheDir)) {
          spawnSync(fullCheck[0], fullCheck.slice(1), { cwd: corpus, env: fromSnapshot });
        }
        appendFileSync(join(corpus, "src", "module-0001.ts"), `// edit ${String(++edits)}\n`);
      },
    },
  );
}

function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function time(contender) {
  const [command, ...args] = contender.command;
  contender.prepare?.();
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: corpus,
    env: contender.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  const ok = (contender.exitCodes ?? [0]).includes(run.status);
  if (!ok) throw new Error(`${contender.name} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return ms;
}

/** Builds the corpus's start-up snapshot, as a user would once with `quality-gate warm`. */
function warmSnapshot() {
  const run = spawnSync(process.execPath, [gate, "warm", corpus], {
    env: fromSnapshot,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`quality-gate warm exited ${run.status}: ${run.stderr}`);
  process.stderr.write(run.stdout);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

generateCorpus(corpus, Number(flags.modules));
if (existsSync(gate)) warmSnapshot();
const active = contenders.filter(
  (contender) => contender.needs === undefined || existsSync(contender.needs),
);
for (const contender of active) time(contender); // warm the file cache and JIT caches once
const samples = new Map(active.map((contender) => [contender.name, []]));
for (let round = 0; round < Number(flags.rounds); round++) {
  for (const contender of shuffle(active)) samples.get(contender.name).push(time(contender));
}

const tscRuns = samples.get("tsc --noEmit");
const rows = active.map(({ name }) => {
  const runs = samples.get(name);
  return {
    name,
    medianMs: Math.round(median(runs)),
    minMs: Math.round(Math.min(...runs)),
    maxMs: Math.round(Math.max(...runs)),
    ratioToTsc: Number(median(runs.map((ms, round) => ms / tscRuns[round])).toFixed(2)),
  };
});
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
};
const cold = samples.get("quality-gate check, cold cache");
const warm = samples.get("quality-gate check, warm, 1 file edited");
const warmShare = cold && warm ? Number((median(warm) / median(cold)).toFixed(2)) : undefined;
if (flags.json) {
  console.log(
    JSON.stringify(
      {
        machine,
        modules: Number(flags.modules),
        rounds: Number(flags.rounds),
        rows,
        warmShareOfCold: warmShare,
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `corpus: ${flags.modules} modules, ${flags.rounds} rounds; ${machine.cpu} x${machine.cores}, Node ${machine.node}`,
  );
  console.log("| contender | median ms | spread ms | × tsc |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.medianMs} | ${row.minMs}–${row.maxMs} | ${row.ratioToTsc.toFixed(2)} |`,
    );
  }
  if (warmShare !== undefined) {
    console.log(
      `warm check after a one-file edit: ${Math.round(warmShare * 100)} % of the cold run`,
    );
  }
}
