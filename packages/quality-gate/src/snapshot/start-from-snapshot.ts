/**
 * Runs the CLI in a Node process started from the snapshot, as a child with this process's
 * standard streams, and hands back its exit code.
 *
 * @internal
 */
import { spawn } from "node:child_process";
import type { StdioOptions } from "node:child_process";

/**
 * Signals passed on to the child, which cleans up and ends by them; this process waits for it. A
 * terminal's Ctrl-C reaches the child anyway (the whole process group gets it), but a `kill -INT`
 * of this process alone must reach it too.
 */
const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `quality-gate <argv>` from the snapshot `blob`.
 *
 * @param blob - the snapshot
 * @param argv - the arguments after `quality-gate`
 * @param stdio - the child's streams: this process's own (tests discard them)
 * @returns the child's exit code, or `undefined` when it could not start (run the ordinary way)
 * @internal
 */
export function runFromSnapshot(
  blob: string,
  argv: readonly string[],
  stdio: StdioOptions = "inherit",
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--snapshot-blob", blob, ...argv], { stdio });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopListening = (): void => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.on("error", () => {
      stopListening();
      resolve(undefined);
    });
    child.on("exit", (code, signal) => {
      stopListening();
      // A child killed by a signal: end this process the same way, as a shell would see it.
      if (signal !== null) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
