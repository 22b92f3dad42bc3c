#!/usr/bin/env node
// `pnpm bench:hit-ratio`: how often TtlCache finds what it is asked for, with policy "lru" and
// "tinylfu", against Belady's MIN (the best any policy could do), on seeded synthetic traces at
// several capacities. Prints the table and the issue-20 targets; writes docs/hit-ratio.md.
// Needs the compiled package (`npm run build`). Deterministic: the same seed gives the same table.
import { parseArgs } from "node:util";
import { writeHitRatioDocs } from "./hit-ratio/docs.mjs";
import { buildRows, checkHitRatioTargets } from "./hit-ratio/report.mjs";
import { textTable } from "./format.mjs";
import { HEADER, runScenarios, scenarios } from "./hit-ratio/scenarios.mjs";

const USAGE = `Usage: pnpm bench:hit-ratio [options]
  --seed N       seed of the traces (default 20)
  --quick        traces a tenth as long (a smoke run; docs are not written)
  --no-docs      do not write packages/cache/docs/hit-ratio.md
  --help         this text`;

function parse(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: "string", default: "20" },
      quick: { type: "boolean", default: false },
      "no-docs": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    throw new TypeError(`Expected --seed to be a whole number, got "${values.seed}".`);
  }
  return {
    seed,
    quick: values.quick,
    docs: !values["no-docs"] && !values.quick,
    help: values.help,
  };
}

async function main() {
  const options = parse(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const began = Date.now();
  const results = runScenarios(scenarios(options), (line) => console.error(line));
  const rows = buildRows(results);
  console.log(textTable(HEADER, rows));
  const targets = checkHitRatioTargets(results);
  console.log("\nTargets (issue 20)");
  console.log(
    textTable(
      ["target", "measured", "met"],
      targets.map((t) => [t.target, t.measured, t.met ? "yes" : "NO"]),
    ),
  );
  const seconds = Math.round((Date.now() - began) / 1000);
  if (options.docs) {
    const path = await writeHitRatioDocs({ rows, targets, seed: options.seed, seconds });
    console.error(`wrote ${path}`);
  }
  console.error(`done in ${seconds} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
