// One process of the multi-process Redis tests, driven by its parent over IPC. It runs the built
// package (dist/), as a deployed service would.
import { subscribe } from "node:diagnostics_channel";
import { REDIS_CHANNELS, RedisCache } from "../../dist/redis/index.js";

const { REDIS_URL: url, NAMESPACE: namespace, WORKER: worker } = process.env;
const cache = new RedisCache({ url, namespace, name: `worker-${worker}` });
const send = (message) => process.send?.({ worker: Number(worker), ...message });
const now = () => performance.timeOrigin + performance.now();

let release;
const released = new Promise((resolve) => (release = resolve));

const commands = {
  /** `count` concurrent fetches of one cold key; the loader holds until the parent says so. */
  async stampede({ key, count }) {
    let loaderCalls = 0;
    const loader = async () => {
      loaderCalls++;
      send({ event: "loading" });
      await released;
      return { by: Number(worker) };
    };
    const pending = Array.from({ length: count }, () => cache.fetch(key, loader));
    send({ event: "started" });
    const values = await Promise.all(pending);
    const stats = cache.stats();
    return { loaderCalls, by: [...new Set(values.map((v) => v.by))], lockWaits: stats.lockWaits };
  },
  release() {
    release();
    return {};
  },
  async get({ key }) {
    return {
      value: await cache.get(key),
      tier: cache.stats().localHits > 0 ? "local" : "remote",
    };
  },
  /** Reports the moment this process hears another's change of `key`. */
  watch({ key }) {
    subscribe(REDIS_CHANNELS.invalidate, (message) => {
      if (message.key === key) send({ event: "invalidated", at: now(), change: message.change });
    });
    return {};
  },
  async delete({ key }) {
    const at = now();
    const removed = await cache.delete(key);
    return { at, removed };
  },
  async close() {
    await cache.close();
    setImmediate(() => process.disconnect());
    return {};
  },
};

process.on("message", ({ id, command, ...args }) => {
  Promise.resolve(commands[command](args)).then(
    (result) => send({ id, ...result }),
    (error) => send({ id, error: String(error) }),
  );
});
send({ event: "ready" });
