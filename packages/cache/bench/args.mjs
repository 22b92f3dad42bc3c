// Command-line options of the cache benchmark.
import { parseArgs } from "node:util";

export const USAGE = `Usage: pnpm bench:cache [options]
  --redis               the shared Redis tier instead: @ladder/cache/redis against bentocache
                        and cache-manager on a redis-server started for the run (needs
                        redis-server; see docs/redis-benchmarks.md)
  --quick               short run (1 warm-up, 3 timed rounds, 50 000 ops per round)
  --rounds N            timed rounds per job (default 10)
  --warmup N            warm-up rounds per job (default 3)
  --repeat N            run each job N times in separate workers, spread over the run, and pool
                        the timed rounds (default 3; 1 with --quick)
  --ops N               operations per round (default 200 000)
  --space N             key space (default 100 000)
  --seed N              seed of the key streams and of the job order (default: random)
  --only IDS            comma-separated workload ids
  --contenders IDS      comma-separated contender ids
  --include-failing     time contenders that fail the correctness check too (marked ✗)
  --json                print machine-readable results on stdout
  --write-docs          write packages/cache/docs/benchmarks.md from this run
  --help                this text`;

function positive(name, value, fallback) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new TypeError(`Expected --${name} to be a whole number from 1 and up, got "${value}".`);
  }
  return number;
}

function list(value) {
  return value === undefined ? undefined : value.split(",").map((item) => item.trim());
}

/**
 * Parses the command line.
 *
 * @param {string[]} argv - the arguments after the script name
 * @returns {object} the resolved options
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      warmup: { type: "string" },
      repeat: { type: "string" },
      ops: { type: "string" },
      space: { type: "string" },
      seed: { type: "string" },
      only: { type: "string" },
      contenders: { type: "string" },
      "include-failing": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "write-docs": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const quick = values.quick;
  return {
    help: values.help,
    redis: values.redis,
    quick,
    json: values.json,
    writeDocs: values["write-docs"],
    includeFailing: values["include-failing"],
    repeat: positive("repeat", values.repeat, quick ? 1 : 3),
    only: list(values.only),
    contenders: list(values.contenders),
    settings: {
      rounds: positive("rounds", values.rounds, quick ? 3 : 10),
      warmup: positive("warmup", values.warmup, quick ? 1 : 3),
      ops: positive("ops", values.ops, quick ? 50_000 : 200_000),
      space: positive("space", values.space, 100_000),
      seed: positive("seed", values.seed, 1 + Math.floor(Math.random() * 2 ** 30)),
    },
  };
}
