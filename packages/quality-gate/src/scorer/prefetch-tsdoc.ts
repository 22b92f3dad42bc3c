/**
 * Reads a repository's TSDoc comments on a second thread while the main thread builds the
 * Program. Parsing the comments is the collector's costliest step that needs no type checker
 * (about a tenth of a scorer run on the 1 000-module bench corpus), and building the Program
 * leaves the second core idle, so the two overlap. The collector still parses any comment the worker did not
 * read (a file outside the tsconfig's list, a worker that failed), so this changes timing only.
 *
 * @internal
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { rememberReadings } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";

/** How long the collector waits for the worker before parsing on its own. */
const WAIT_LIMIT_MS = 30_000;

/**
 * Starts reading the doc comments of `files` on a worker thread.
 *
 * @param files - absolute paths of the source files (the tsconfig's file list)
 * @param cacheDir - the incremental cache's folder, where readings of unchanged files are kept
 *   between runs, or `undefined` to parse every comment
 * @param script - the compiled worker; run from source there is none, and nothing is prefetched
 * @returns `settle`: blocks until the worker is done (or gave up), hands its readings to
 *   {@link readTsdoc} and returns how many comments were read ahead; call it right before
 *   collecting
 * @internal
 */
export function prefetchTsdoc(
  files: readonly string[],
  cacheDir: string | undefined,
  script: string = fileURLToPath(new URL("./tsdoc-worker.js", import.meta.url)),
): () => number {
  if (files.length === 0 || !existsSync(script)) return () => 0;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, {
    workerData: { files, cacheDir, port: port2, done },
    transferList: [port2],
  });
  worker.unref();
  worker.on("error", () => {
    // Already counted as "done" by the worker's finally; the collector parses on its own.
  });
  return () => {
    Atomics.wait(done, 0, 0, WAIT_LIMIT_MS);
    const received = receiveMessageOnPort(port1);
    port1.close();
    const message: unknown = received?.message;
    const readings =
      typeof message === "string" ? (JSON.parse(message) as [string, TsdocReading][]) : [];
    rememberReadings(readings);
    return readings.length;
  };
}
