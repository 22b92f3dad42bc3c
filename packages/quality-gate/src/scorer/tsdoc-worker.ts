/**
 * The worker of {@link prefetchTsdoc}: reads the doc comments of a list of files with the same
 * TSDoc reader the collector uses, then posts every reading and raises the shared flag, so the
 * main thread can take them without going back to its event loop. Each file is read with the tags
 * of its own `tsdoc.json` (see `tsdoc-dialect.ts`). A file unchanged since the last run, under an
 * unchanged `tsdoc.json`, takes its readings from the incremental cache (the cache's `tsdoc.json`
 * file): parsing TSDoc is most of this thread's work, and a thread that finishes early leaves the
 * second core to the compiler's garbage collector.
 *
 * @internal
 */
import { readFileSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { cacheKey, openResultCache } from "../cache/result-cache.js";
import { lowerThreadPriority } from "./background-priority.js";
import { readerVersion, readingKey, readTsdoc } from "./read-tsdoc.js";
import type { TsdocReading } from "./read-tsdoc.js";
import { createDialectResolver } from "./tsdoc-dialect.js";

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
  const { dialectOf } = createDialectResolver();
  const readings = new Map<string, TsdocReading>();
  let parsed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // the Program reports unreadable files; the collector parses what it finds
    }
    const dialect = dialectOf(file);
    // The dialect's key hashes the tsdoc.json and what it extends: editing one reads again.
    const key = cacheKey(reader, dialect.key, text);
    let own = cache.get(file, key);
    if (own === undefined) {
      own = [...text.matchAll(DOC_COMMENT)].map(
        ([comment]) =>
          [
            comment,
            readings.get(readingKey(comment, dialect)) ?? readTsdoc(comment, dialect),
          ] as const,
      );
      cache.set(file, key, own);
      parsed = true;
    }
    for (const [comment, reading] of own) readings.set(readingKey(comment, dialect), reading);
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
