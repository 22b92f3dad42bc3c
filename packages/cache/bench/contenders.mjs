// The contenders, each behind one small adapter so every workload drives them the same way.
// An adapter factory receives { max, ttl, now, sweepInterval, loader } and returns
// { get, set, size, purge?, fetch?, close }. `ttl` is in milliseconds; `undefined` means no TTL.

const NOOP = () => undefined;

/** @param {Record<string, unknown>} object - drops keys whose value is undefined */
function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

async function ttlCacheFactory() {
  const { TtlCache } = await import("../dist/index.js");
  return adaptTtlCache(TtlCache);
}

async function tinyLfuFactory() {
  const { TtlCache } = await import("../dist/index.js");
  return adaptTtlCache(TtlCache, "tinylfu");
}

/**
 * The adapter for `TtlCache`, given the class (the telemetry workload passes a variant).
 *
 * @param {typeof import("../dist/index.js").TtlCache} TtlCache - the class
 * @param {"lru" | "tinylfu"} [policy] - the eviction policy (TtlCache's default: lru)
 * @returns {(options: object) => object} the adapter factory
 */
export function adaptTtlCache(TtlCache, policy) {
  return (o) => {
    const cache = new TtlCache(
      defined({
        ttl: o.ttl ?? Infinity,
        maxEntries: o.max ?? Infinity,
        // tinylfu needs a bound; the unbounded workloads keep the default policy.
        policy: o.max === undefined ? undefined : policy,
        sweepInterval: o.sweepInterval,
        now: o.now,
      }),
    );
    return {
      get: (key) => cache.get(key),
      set: (key, value, ttl) => cache.set(key, value, ttl === undefined ? undefined : { ttl }),
      size: () => cache.size,
      purge: () => cache.prune(),
      fetch: (key) => cache.fetch(key, o.loader),
      close: () => cache.close(),
    };
  };
}

function lruFactory(withTtl) {
  return async () => {
    const { LRUCache } = await import("lru-cache");
    return (o) => {
      const cache = new LRUCache(
        defined({
          max: o.max,
          ttl: withTtl ? o.ttl : undefined,
          perf: o.now === undefined ? undefined : { now: o.now },
          // With an injected clock, read it on every call as TtlCache does with one: the default
          // ttlResolution caches the time until a real 1 ms timer fires, which a synchronous loop
          // on a fake clock never lets happen, so expired entries would be served as hits.
          ttlResolution: o.now === undefined ? undefined : 0,
          fetchMethod: o.loader === undefined ? undefined : (key) => o.loader(key),
        }),
      );
      return {
        get: (key) => cache.get(key),
        set: (key, value, ttl) => cache.set(key, value, ttl === undefined ? undefined : { ttl }),
        size: () => cache.size,
        purge: withTtl ? () => cache.purgeStale() : undefined,
        fetch: o.loader === undefined ? undefined : (key) => cache.fetch(key),
        close: NOOP,
      };
    };
  };
}

async function isaacsTtlFactory() {
  const { TTLCache } = await import("@isaacs/ttlcache");
  return (o) => {
    // checkAgeOnGet: without it, get() returns expired values until the purge timer runs.
    const cache = new TTLCache(defined({ max: o.max, ttl: o.ttl, checkAgeOnGet: true }));
    return {
      get: (key) => cache.get(key),
      set: (key, value, ttl) => cache.set(key, value, ttl === undefined ? undefined : { ttl }),
      size: () => cache.size,
      purge: () => cache.purgeStale(),
      close: () => cache.cancelTimer(),
    };
  };
}

function nodeCacheFactory(useClones) {
  return async () => {
    const { default: NodeCache } = await import("node-cache");
    return (o) => {
      const cache = new NodeCache({
        stdTTL: o.ttl === undefined ? 0 : o.ttl / 1000,
        checkperiod: o.sweepInterval === undefined ? 600 : o.sweepInterval / 1000,
        useClones,
      });
      return {
        get: (key) => cache.get(key),
        set: (key, value, ttl) =>
          ttl === undefined ? cache.set(key, value) : cache.set(key, value, ttl / 1000),
        size: () => cache.getStats().keys,
        purge: () => cache._checkData(false),
        close: () => cache.close(),
      };
    };
  };
}

async function quickLruFactory() {
  const { default: QuickLRU } = await import("quick-lru");
  return (o) => {
    const cache = new QuickLRU({ maxSize: o.max });
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      size: () => cache.size,
      close: NOOP,
    };
  };
}

async function mnemonistFactory() {
  const { LRUCache } = await import("mnemonist");
  return (o) => {
    // A fixed capacity is required: its pointer arrays are preallocated to it.
    const cache = new LRUCache(o.max);
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      size: () => cache.size,
      close: NOOP,
    };
  };
}

async function lruMinFactory() {
  const { createLRU } = await import("lru.min");
  return (o) => {
    const cache = createLRU({ max: o.max });
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      size: () => cache.size,
      close: NOOP,
    };
  };
}

async function tinyLruFactory() {
  const { LRU } = await import("tiny-lru");
  return (o) => {
    // One TTL for the whole cache (whole ms, read from Date.now()); there is no per-entry TTL.
    const cache = new LRU(o.max ?? 0, o.ttl ?? 0);
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      size: () => cache.size,
      close: NOOP,
    };
  };
}

async function mapFactory() {
  return () => {
    const cache = new Map();
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      size: () => cache.size,
      close: NOOP,
    };
  };
}

/**
 * The contenders. `ttl`: takes a TTL (the workloads that keep TTLs on pass one); `perEntryTtl`:
 * honours a TTL per entry (default: as `ttl`); `bounded`: evicts to respect a maximum; `clock`:
 * its clock can be injected; `fetch`: has a single-flight loader; `lruOrder: false`: evicts by
 * another policy on purpose, so the eviction-order check does not apply. Contenders without a
 * TTL say so in their label.
 */
export const CONTENDERS = [
  {
    id: "ttl-cache",
    label: "TtlCache",
    ttl: true,
    bounded: true,
    clock: true,
    fetch: true,
    load: ttlCacheFactory,
  },
  {
    id: "ttl-cache-tinylfu",
    label: "TtlCache (tinylfu)",
    ttl: true,
    bounded: true,
    lruOrder: false,
    clock: true,
    fetch: true,
    load: tinyLfuFactory,
  },
  {
    id: "lru-ttl",
    label: "lru-cache (ttl)",
    ttl: true,
    bounded: true,
    clock: true,
    fetch: true,
    load: lruFactory(true),
  },
  {
    id: "lru",
    label: "lru-cache (no TTL)",
    ttl: false,
    bounded: true,
    clock: false,
    fetch: true,
    load: lruFactory(false),
  },
  {
    id: "isaacs-ttlcache",
    label: "@isaacs/ttlcache",
    ttl: true,
    bounded: true,
    clock: false,
    fetch: false,
    load: isaacsTtlFactory,
  },
  {
    id: "node-cache-noclone",
    label: "node-cache (useClones:false)",
    ttl: true,
    bounded: false,
    clock: false,
    fetch: false,
    load: nodeCacheFactory(false),
  },
  {
    id: "node-cache",
    label: "node-cache (default)",
    ttl: true,
    bounded: false,
    clock: false,
    fetch: false,
    load: nodeCacheFactory(true),
  },
  {
    id: "quick-lru",
    label: "quick-lru (no TTL)",
    ttl: false,
    bounded: true,
    clock: false,
    fetch: false,
    load: quickLruFactory,
  },
  {
    id: "mnemonist",
    label: "mnemonist LRUCache (no TTL)",
    ttl: false,
    bounded: true,
    clock: false,
    fetch: false,
    load: mnemonistFactory,
  },
  {
    id: "lru-min",
    label: "lru.min (no TTL)",
    ttl: false,
    bounded: true,
    clock: false,
    fetch: false,
    load: lruMinFactory,
  },
  {
    id: "tiny-lru",
    label: "tiny-lru (one TTL for all)",
    ttl: true,
    perEntryTtl: false,
    bounded: true,
    clock: false,
    fetch: false,
    load: tinyLruFactory,
  },
  {
    id: "map",
    label: "Map (no TTL, unbounded)",
    ttl: false,
    bounded: false,
    clock: false,
    fetch: false,
    load: mapFactory,
  },
];

/**
 * Finds a contender by id.
 *
 * @param {string} id - a contender id
 * @returns {(typeof CONTENDERS)[number]} the contender
 */
export function contenderById(id) {
  const found = CONTENDERS.find((contender) => contender.id === id);
  if (found === undefined) throw new Error(`Unknown contender "${id}".`);
  return found;
}
