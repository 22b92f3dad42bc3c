import { makeKeys, scrambledZipf } from "./keys.mjs";
const { TtlCache } = await import("/tmp/dist-new/index.js");
const { TtlCache: OldCache } = await import("/tmp/dist-old/index.js");
import { LRUCache } from "lru-cache";
const space = 100000,
  ops = 100000;
const keys = makeKeys(space);
const stream = scrambledZipf({ space, length: ops, s: 0.99, seed: 7 });
const make = {
  ttl: () => new TtlCache({ maxEntries: space, ttl: 3600000 }),
  ttl0: () => new TtlCache({ maxEntries: space, ttl: 3600000, now: () => 0 }),
  ttlinf: () => new TtlCache({ maxEntries: space, ttl: Infinity }),
  lru: () => new LRUCache({ max: space, ttl: 3600000 }),
  lrunottl: () => new LRUCache({ max: space }),
  map: () => new Map(),
  old: () => new OldCache({ maxEntries: space, ttl: 3600000 }),
};
const names = (process.argv[2] ?? "ttl,lru").split(",");
const runs = names.map((n) => {
  const c = make[n]();
  for (let i = 0; i < space; i++) c.set(keys[i], i);
  const loop = new Function(
    "c",
    "keys",
    "stream",
    "let h=0; for (let i=0;i<stream.length;i++) if (c.get(keys[stream[i]]) !== undefined) h++; return h;",
  );
  return { n, c, loop, t: [] };
});
for (let r = 0; r < 60; r++)
  for (const x of runs) {
    const t0 = process.hrtime.bigint();
    x.loop(x.c, keys, stream);
    x.t.push(Number(process.hrtime.bigint() - t0));
  }
const base = runs[runs.length - 1];
for (const x of runs) {
  const ratios = x.t
    .slice(10)
    .map((t, i) => base.t[i + 10] / t)
    .sort((a, b) => a - b);
  const best = Math.min(...x.t);
  console.log(
    x.n.padEnd(8),
    "best",
    ((ops / best) * 1e3).toFixed(2),
    "M/s",
    " median paired ratio vs",
    base.n,
    ratios[ratios.length >> 1].toFixed(2),
  );
}
