// Belady's MIN, the optimal offline policy: on a miss with the cache full, evict the key whose
// next request is farthest in the future (the new key itself when it is, that is, do not cache
// it). No online policy can do better on the same trace and capacity, so it bounds what any
// eviction policy could gain.

/**
 * For each request, the index of the next request of the same key (`length` when there is none).
 *
 * @param {Uint32Array} trace - the keys
 * @returns {Int32Array} next-use indexes
 */
function nextUses(trace) {
  const length = trace.length;
  const next = new Int32Array(length);
  const seen = new Map();
  for (let i = length - 1; i >= 0; i--) {
    const key = trace[i];
    next[i] = seen.get(key) ?? length;
    seen.set(key, i);
  }
  return next;
}

/**
 * A binary max-heap of numbers in a typed array, for the next uses of the cached keys.
 */
class MaxHeap {
  constructor(capacity) {
    this.items = new Float64Array(capacity);
    this.size = 0;
  }

  push(value) {
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] >= value) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop() {
    const items = this.items;
    const top = items[0];
    const last = items[--this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && items[child + 1] > items[child]) child++;
      if (items[child] <= last) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Replays a trace under Belady's MIN.
 *
 * @param {Uint32Array} trace - the keys
 * @param {number} capacity - entries the cache holds
 * @returns {number} the hit ratio, 0..1
 */
export function beladyHitRatio(trace, capacity) {
  const next = nextUses(trace);
  // Each heap item is one cached key at one of its next uses: use × span + slot. Items left behind
  // when a key is used again are skipped when popped (their use no longer matches).
  const slots = new Map();
  const span = 2 ** 21;
  const keyOfSlot = [];
  const currentUse = new Float64Array(span);
  const heap = new MaxHeap(trace.length + 1);
  let hits = 0;
  let size = 0;
  for (let i = 0; i < trace.length; i++) {
    let slot = slots.get(trace[i]);
    if (slot === undefined) {
      slot = keyOfSlot.length;
      keyOfSlot.push(trace[i]);
      slots.set(trace[i], slot);
      currentUse[slot] = -1;
    }
    if (currentUse[slot] === i) hits++;
    else size++;
    currentUse[slot] = next[i];
    heap.push(next[i] * span + slot);
    while (size > capacity) {
      const item = heap.pop();
      const victim = item % span;
      if (currentUse[victim] !== (item - victim) / span) continue; // stale
      currentUse[victim] = -1;
      size--;
    }
  }
  return hits / trace.length;
}

/**
 * The best a cache that never changes its contents could do: hold, from their first request on,
 * the `capacity` keys requested most often in the whole trace. A frequency-only policy with a
 * perfect oracle of the trace's popularity gets this; Belady's MIN, which also knows when each
 * key comes back, gets more.
 *
 * @param {Uint32Array} trace - the keys
 * @param {number} capacity - entries the cache holds
 * @returns {number} the hit ratio, 0..1
 */
export function staticBestHitRatio(trace, capacity) {
  const counts = new Map();
  for (const key of trace) counts.set(key, (counts.get(key) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  let hits = 0;
  for (let i = 0; i < Math.min(capacity, sorted.length); i++) hits += sorted[i] - 1;
  return hits / trace.length;
}
