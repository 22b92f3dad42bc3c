#!/usr/bin/env node
// The only place that touches the process: run the CLI and hand its exit code to Node.
import { snapshotToStartFrom } from "../dist/snapshot/snapshot-file.js";
import { runFromSnapshot } from "../dist/snapshot/start-from-snapshot.js";

const argv = process.argv.slice(2);
const io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
};

process.exitCode = (await startFromSnapshot()) ?? (await runHere());

/** After `quality-gate warm`: a process started from the snapshot runs the CLI instead. */
async function startFromSnapshot() {
  try {
    const choice = snapshotToStartFrom(argv, process.env);
    if (choice.skipped !== undefined && argv.includes("--debug")) {
      process.stderr.write(
        `quality-gate: not starting from the start-up snapshot: ${choice.skipped}\n`,
      );
    }
    return choice.blob === undefined ? undefined : await runFromSnapshot(choice.blob, argv);
  } catch (error) {
    process.stderr.write(`quality-gate: ${error.message} [${error.code ?? "SNAPSHOT"}]\n`);
    return 2;
  }
}

async function runHere() {
  // Before anything imports it: the compiler then loads from a code cache instead of recompiling.
  const { requireWithCodeCache } = await import("../dist/code-cache.js");
  requireWithCodeCache("typescript", { env: process.env });
  const { main } = await import("../dist/cli/main.js");
  return main(argv, io);
}
