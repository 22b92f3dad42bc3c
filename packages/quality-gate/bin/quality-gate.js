#!/usr/bin/env node
// The only place that touches the process: run the CLI, hand its exit code to Node, and turn
// whatever escapes it (an error no one caught, a run that can never finish, a closed pipe) into
// one line and exit code 2, never a stack or a silent exit.
import { describeFailure } from "../dist/cli/fatal.js";
import { messages } from "../dist/cli/messages.js";
import { snapshotToStartFrom } from "../dist/snapshot/snapshot-file.js";
import { runFromSnapshot } from "../dist/snapshot/start-from-snapshot.js";

const argv = process.argv.slice(2);
const command = argv.find((arg) => !arg.startsWith("-")) ?? "quality-gate";
const debug = argv.includes("--debug");
const io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
};

let finished = false;
const fail = (error) => {
  io.stderr.write(describeFailure(error, command, debug));
  process.exit(2);
};
// A reader that went away (`quality-gate new --list | head -1`) ends the output, not the run:
// later writes fail quietly and the run finishes with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") fail(error);
  });
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
// The event loop ran dry while the run was still waiting (a promise that never settles, such as
// a config file's top-level await): Node would exit 13 without a word.
process.on("beforeExit", () => {
  if (finished) return;
  io.stderr.write(`${messages.stalled(command)}\n`);
  process.exit(2);
});

process.exitCode = (await startFromSnapshot()) ?? (await runHere());
finished = true;

/** After `quality-gate warm`: a process started from the snapshot runs the CLI instead. */
async function startFromSnapshot() {
  try {
    const choice = snapshotToStartFrom(argv, process.env);
    if (choice.skipped !== undefined && debug) {
      io.stderr.write(
        `quality-gate: not starting from the start-up snapshot: ${choice.skipped}\n`,
      );
    }
    return choice.blob === undefined ? undefined : await runFromSnapshot(choice.blob, argv);
  } catch (error) {
    io.stderr.write(describeFailure(error, command, debug));
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
