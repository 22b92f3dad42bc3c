// The shared-cache contenders of `pnpm bench:cache --redis`, all on the same redis-server, each
// behind one adapter: get, set, fetch (get-or-load, each library's single-flight call), close.
// "two-tier" puts an in-process memory tier in front of Redis, as each library recommends for
// this use; "remote" is Redis alone, to time the remote path.
import KeyvRedis from "@keyv/redis";
import { BentoCache, bentostore } from "bentocache";
import { memoryDriver } from "bentocache/drivers/memory";
import { redisBusDriver, redisDriver } from "bentocache/drivers/redis";
import { createCache } from "cache-manager";
import { Keyv } from "keyv";
import { RedisCache } from "../../dist/redis/index.js";

const TTL = 300_000;
const LOCAL_TTL = 5_000;
const LOCAL_ENTRIES = 10_000;

function connectionOf(url) {
  const { hostname: host, port } = new URL(url);
  return { host, port: Number(port) };
}

const ladder = {
  id: "ladder",
  label: "@ladder/cache/redis",
  invalidates: true,
  create({ url, namespace, tier }) {
    const cache = new RedisCache({
      url,
      namespace,
      ttl: TTL,
      local: tier === "remote" ? false : { ttl: LOCAL_TTL, maxEntries: LOCAL_ENTRIES },
    });
    return {
      get: (key) => cache.get(key),
      set: (key, value) => cache.set(key, value),
      fetch: (key, loader) => cache.fetch(key, loader),
      close: () => cache.close(),
    };
  },
};

const bentocache = {
  id: "bentocache",
  label: "bentocache (memory + redis + bus)",
  invalidates: true,
  create({ url, namespace, tier }) {
    const connection = connectionOf(url);
    let store = bentostore();
    if (tier !== "remote") store = store.useL1Layer(memoryDriver({ maxItems: LOCAL_ENTRIES }));
    store = store.useL2Layer(redisDriver({ connection }));
    if (tier !== "remote") store = store.useBus(redisBusDriver({ connection }));
    const bento = new BentoCache({ default: "main", prefix: namespace, stores: { main: store } });
    return {
      get: (key) => bento.get({ key }),
      set: (key, value) => bento.set({ key, value, ttl: TTL }),
      fetch: (key, loader) => bento.getOrSet({ key, factory: () => loader(key), ttl: TTL }),
      close: () => bento.disconnectAll(),
    };
  },
};

const cacheManager = {
  id: "cache-manager",
  label: "cache-manager (keyv memory + @keyv/redis)",
  // No bus: a set in one process leaves the others' memory copies until their own TTL.
  invalidates: false,
  create({ url, namespace, tier }) {
    const redis = new Keyv({ store: new KeyvRedis(url), namespace, useKeyPrefix: false });
    const stores = tier === "remote" ? [redis] : [new Keyv({ ttl: LOCAL_TTL }), redis];
    const cache = createCache({ stores, ttl: TTL });
    return {
      get: async (key) => (await cache.get(key)) ?? undefined,
      set: (key, value) => cache.set(key, value, TTL),
      fetch: (key, loader) => cache.wrap(key, () => loader(key), TTL),
      close: () => cache.disconnect(),
    };
  },
};

export const CONTENDERS = [ladder, bentocache, cacheManager];
