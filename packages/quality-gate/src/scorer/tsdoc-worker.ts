/**
 * The worker of {@link prefetchTsdoc}: reads the doc comments of a list of files with the same
 * TSDoc reader the collector uses, then posts every reading and raises the shared flag, so the
 * main thread can take them without going back to its event loop. A file unchanged since the last
 * run takes its readings from the incremental cache (`tsdoc.json`): parsing TSDoc is most of this
 * thread's work, and a thread that finishes early leaves the second core to the compiler's
 * garbage collector.
 *
 * @internal
 */
import { readFileSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { cacheKey, openResultCache } from "../cache/result-cache.js";
import { lowerThreadPriority } from "./background-priority.js";
import { readerVersion, readTsdoc } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";

/** What the main thread hands the worker. */
interface PrefetchJob {
  readonly files: readonly string[];
  readonly cacheDir: string | undefined;
  readonly port: MessagePort;
  readonly done: Int32Array;
}

/** One file's doc comments and their readings, in the order they appear. */
type FileReadings = (readonly [string, TsdocReading])[];

/** A `/** … *\/` comment, as the compiler's comment ranges delimit it. */
const DOC_COMMENT = /\/\*\*(?!\/)[\s\S]*?\*\//g;

function readAll(
  files: readonly string[],
  cacheDir: string | undefined,
): [string, TsdocReading][] {
  const cache = openResultCache<FileReadings>(cacheDir, "tsdoc");
  const reader = readerVersion();
  const readings = new Map<string, TsdocReading>();
  let parsed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // the Program reports unreadable files; the collector parses what it finds
    }
    const key = cacheKey(reader, text);
    let own = cache.get(file, key);
    if (own === undefined) {
      own = [...text.matchAll(DOC_COMMENT)].map(
        ([comment]) => [comment, readings.get(comment) ?? readTsdoc(comment)] as const,
      );
      cache.set(file, key, own);
      parsed = true;
    }
    for (const [comment, reading] of own) readings.set(comment, reading);
  }
  if (parsed) cache.save();
  return [...readings];
}

const job = workerData as PrefetchJob;
lowerThreadPriority();
try {
  // As one JSON string: the main thread parses it faster than it deserializes ~10 000 readings
  // as cloned objects, and the main thread's time is the run's time.
  job.port.postMessage(JSON.stringify(readAll(job.files, job.cacheDir)));
} finally {
  // An open port keeps this thread alive until the process exits, which then waits to tear it
  // down (~50 ms at the end of every run); the message is already in the other port's queue.
  job.port.close();
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}
