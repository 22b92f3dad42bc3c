/**
 * The worker of {@link prefetchTsdoc}: reads the doc comments of a list of files with the same
 * TSDoc reader the collector uses, then posts every reading and raises the shared flag, so the
 * main thread can take them without going back to its event loop.
 *
 * @internal
 */
import { readFileSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { lowerThreadPriority } from "./background-priority.js";
import { readTsdoc } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";

/** What the main thread hands the worker. */
interface PrefetchJob {
  readonly files: readonly string[];
  readonly port: MessagePort;
  readonly done: Int32Array;
}

/** A `/** … *\/` comment, as the compiler's comment ranges delimit it. */
const DOC_COMMENT = /\/\*\*(?!\/)[\s\S]*?\*\//g;

function readAll(files: readonly string[]): [string, TsdocReading][] {
  const readings = new Map<string, TsdocReading>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // the Program reports unreadable files; the collector parses what it finds
    }
    for (const [comment] of text.matchAll(DOC_COMMENT)) {
      if (!readings.has(comment)) readings.set(comment, readTsdoc(comment));
    }
  }
  return [...readings];
}

const job = workerData as PrefetchJob;
lowerThreadPriority();
try {
  // As one JSON string: the main thread parses it faster than it deserializes ~10 000 readings
  // as cloned objects, and the main thread's time is the run's time.
  job.port.postMessage(JSON.stringify(readAll(job.files)));
} finally {
  // An open port keeps this thread alive until the process exits, which then waits to tear it
  // down (~50 ms at the end of every run); the message is already in the other port's queue.
  job.port.close();
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}
