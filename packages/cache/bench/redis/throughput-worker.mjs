// One of the processes of the shared-key-space runs, driven by its parent over IPC.
//   mix: for `seconds`, `concurrency` loops of fetch (and one set in `setEvery` calls, if set)
//        over a scrambled Zipf key stream; the loader stands for a 1 ms database call.
//   stampede: `count` concurrent fetches of one cold key, all processes at once.
import { setTimeout as delay } from "node:timers/promises";
import { scrambledZipf } from "../keys.mjs";
import { CONTENDERS } from "./contenders.mjs";
import { userFor } from "./values.mjs";

const { URL: url, NAMESPACE: namespace, CONTENDER: id, WORKER: worker } = process.env;
const contender = CONTENDERS.find((c) => c.id === id);
const cache = contender.create({ url, namespace, tier: "two-tier" });
let loads = 0;
const loader = async (key) => {
  loads++;
  await delay(1);
  return userFor(String(key));
};

async function mix({ seconds, concurrency, space, seed, setEvery }) {
  // One permutation for every process (the same keys are hot everywhere: one shared key space);
  // each process starts reading the stream at its own offset.
  const stream = scrambledZipf({ space, length: 1 << 18, s: 0.99, seed });
  const keys = Array.from({ length: space }, (_, i) => `user:${i}`);
  const deadline = performance.now() + seconds * 1000;
  let ops = 0;
  let cursor = Number(worker) * 7919;
  const loop = async () => {
    while (performance.now() < deadline) {
      const index = stream[cursor++ & (stream.length - 1)];
      const key = keys[index];
      if (setEvery > 0 && cursor % setEvery === 0) await cache.set(key, userFor(key));
      else await cache.fetch(key, loader);
      ops++;
    }
  };
  loads = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const { user, system } = process.cpuUsage(cpu);
  return { ops, loads, ms: performance.now() - started, cpuMs: (user + system) / 1000 };
}

async function stampede({ key, count }) {
  loads = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, () => cache.fetch(key, loader)));
  return { loads, ms: performance.now() - started };
}

const commands = {
  mix,
  stampede,
  async close() {
    await cache.close();
    setImmediate(() => process.disconnect());
    return {};
  },
};

process.on("message", ({ id: requestId, command, ...args }) => {
  Promise.resolve(commands[command](args)).then(
    (result) => process.send({ id: requestId, ...result }),
    (error) => process.send({ id: requestId, error: String(error?.stack ?? error) }),
  );
});
// One round trip first, so every contender starts connected.
await cache.get("warm-up");
process.send({ event: "ready" });
