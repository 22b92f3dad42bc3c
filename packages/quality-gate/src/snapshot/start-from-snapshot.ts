/**
 * Runs the CLI in a Node process started from the snapshot, as a child with this process's
 * standard streams, and hands back its exit code.
 *
 * @internal
 */
import { spawn } from "node:child_process";
import type { StdioOptions } from "node:child_process";

/** Signals a terminal sends to the whole process group reach the child already. */
const FORWARDED_SIGNALS = ["SIGTERM", "SIGHUP"] as const;

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
    const ignore = (): void => {
      // Ctrl-C reaches the child too; this process waits for it to finish.
    };
    process.on("SIGINT", ignore);
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopListening = (): void => {
      process.off("SIGINT", ignore);
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
