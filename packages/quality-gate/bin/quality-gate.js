#!/usr/bin/env node
// Runs the CLI: from the start-up snapshot when `quality-gate warm` built one that may be trusted,
// else here. What touches the process (exit codes, signals, errors that escape) is run-process.js.
import { describeFailure } from "../dist/cli/fatal.js";
import { runProcess } from "../dist/cli/run-process.js";
import { snapshotToStartFrom } from "../dist/snapshot/snapshot-file.js";
import { runFromSnapshot } from "../dist/snapshot/start-from-snapshot.js";

const argv = process.argv.slice(2);
const debug = argv.includes("--debug");
const snapshot = chooseSnapshot();

await runProcess(
  snapshot.blob === undefined
    ? runHere
    : async () => (await runFromSnapshot(snapshot.blob, argv)) ?? (await runHere()),
  { argv, handlesSignals: snapshot.blob === undefined },
);

/** After `quality-gate warm`: the snapshot to start from, or why not (said under --debug). */
function chooseSnapshot() {
  try {
    const choice = snapshotToStartFrom(argv, process.env);
    if (choice.skipped !== undefined && debug) {
      process.stderr.write(
        `quality-gate: not starting from the start-up snapshot: ${choice.skipped}\n`,
      );
    }
    return choice;
  } catch (error) {
    process.stderr.write(describeFailure(error, argv[0] ?? "quality-gate", debug));
    process.exit(2);
  }
}

async function runHere() {
  // The CLI loads the repository's TypeScript (or the gate's) itself, once it knows which.
  const { main } = await import("../dist/cli/main.js");
  return main(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
