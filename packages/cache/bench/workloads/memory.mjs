// Bytes per entry: heap growth after forced GC for `space` entries, keys and values preallocated.
import { makeKeys } from "../keys.mjs";
import { collectGarbage, liveTimers, summarize } from "../measure.mjs";
import { LONG_TTL } from "./hit.mjs";

/** The memory workload. */
export const memoryWorkload = {
  id: "memory",
  title: "bytes per entry (heap delta after forced GC)",
  applies: () => true,
  run: runMemory,
};

// One sample per call: the cache lives only in this frame, so no stale interpreter register keeps
// the previous sample's cache alive into the next "before" reading.
function sample(create, keys, ttl) {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const cache = create({ max: keys.length, ttl });
  for (let i = 0; i < keys.length; i++) cache.set(keys[i], i);
  collectGarbage();
  const bytes = (process.memoryUsage().heapUsed - before) / keys.length;
  const timers = liveTimers();
  cache.close();
  return { bytes, timers };
}

function runMemory(create, contender, settings) {
  const keys = makeKeys(settings.space);
  const ttl = contender.ttl ? LONG_TTL : undefined;
  const samples = [];
  let timers = 0;
  const rounds = Math.max(3, Math.min(settings.rounds, 5));
  for (let round = 0; round < rounds; round++) {
    const result = sample(create, keys, ttl);
    samples.push(result.bytes);
    timers = result.timers;
  }
  return { bytesPerEntry: summarize(samples), timers };
}
