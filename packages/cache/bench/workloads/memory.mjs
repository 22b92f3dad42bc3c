// Bytes per entry: heap growth after forced GC for `space` entries, keys and values preallocated.
// The heap counts ArrayBuffer backing stores too: typed arrays longer than a few dozen bytes keep
// their contents outside the V8 heap (heapUsed leaves them out), and TtlCache, lru-cache and
// mnemonist keep their links, expiry times and frequency counters in typed arrays.
import { makeKeys, makeValues } from "../keys.mjs";
import { collectGarbage, liveTimers, summarize } from "../measure.mjs";
import { LONG_TTL } from "./hit.mjs";

/** The memory workload. */
export const memoryWorkload = {
  id: "memory",
  title: "bytes per entry (heap and ArrayBuffer delta after forced GC)",
  applies: () => true,
  run: runMemory,
};

// One sample: the heap with the filled cache minus the heap once the cache is dropped, both after
// forced GC. Measuring "after minus before" instead let a stale interpreter register (or an inlined
// frame) keep the previous sample's cache alive into the next "before", which read as ~0 B/entry.
function heapBytes() {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function sample(create, { keys, values }, ttl) {
  let cache = create({ max: keys.length, ttl });
  for (let i = 0; i < keys.length; i++) cache.set(keys[i], values[i]);
  collectGarbage();
  const withCache = heapBytes();
  const timers = liveTimers();
  cache.close();
  // Overwrite the only reference (and the register that holds it) so the GC can take the cache.
  // eslint-disable-next-line no-useless-assignment -- the assignment is the point
  cache = undefined;
  collectGarbage();
  const bytes = (withCache - heapBytes()) / keys.length;
  return { bytes, timers };
}

function runMemory(create, contender, settings) {
  const input = { keys: makeKeys(settings.space), values: makeValues(settings.space) };
  const ttl = contender.ttl ? LONG_TTL : undefined;
  const samples = [];
  let timers = 0;
  const rounds = Math.max(3, Math.min(settings.rounds, 5));
  for (let round = 0; round < rounds; round++) {
    const result = sample(create, input, ttl);
    samples.push(result.bytes);
    timers = result.timers;
  }
  return { bytesPerEntry: summarize(samples), timers };
}
