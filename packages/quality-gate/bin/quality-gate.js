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
    const blob = snapshotToStartFrom(argv, process.env);
    return blob === undefined ? undefined : await runFromSnapshot(blob, argv);
  } catch (error) {
    process.stderr.write(`quality-gate: ${error.message} [${error.code ?? "SNAPSHOT"}]\n`);
    return 2;
  }
}

async function runHere() {
  // Before anything imports it: the compiler then loads from a code cache instead of recompiling.
  const { requireWithCodeCache } = await import("../dist/code-cache.js");
  requireWithCodeCache("typescript");
  const { main } = await import("../dist/cli/main.js");
  return main(argv, io);
}
