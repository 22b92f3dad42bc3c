// Head to head: TtlCache, the fastest LRUs (mnemonist LRUCache, lru.min, tiny-lru), lru-cache
// (ttl) and Map in ONE worker, batch by batch in alternation, on the two workloads the targets
// name. The main tables keep every contender in its own worker, as
// the issue asks; on a shared 2-core machine their ratios move by ±20 % with the load on the
// sibling hardware thread, which this paired measurement cancels. Each variant loads its own
// instance of the adapter and loop modules, so their inline caches stay monomorphic.
import { interleave } from "../interleave.mjs";
import { LONG_TTL } from "./hit.mjs";

/** TtlCache first: it is the reference of the paired ratios. */
export const VARIANTS = ["ttl-cache", "mnemonist", "lru-min", "tiny-lru", "lru-ttl", "map"];

/** The LRUs "the fastest of them" is picked from (Map evicts nothing, so it is no LRU). */
export const LRU_VARIANTS = ["mnemonist", "lru-min", "tiny-lru", "lru-ttl"];

async function makeVariant(id, settings, workload) {
  const { contenderById } = await import(`../contenders.mjs?h2h-${id}`);
  const contender = contenderById(id);
  const create = await contender.load();
  const ttl = contender.ttl ? LONG_TTL : undefined;
  if (workload === "hit") {
    const { hitRound } = await import(`./hit.mjs?h2h-${id}`);
    return {
      id,
      label: `${contender.label}`,
      round: hitRound(create({ max: settings.space, ttl }), settings, 0.99),
    };
  }
  const { mixedRound } = await import(`./mixed.mjs?h2h-${id}`);
  const capacity = Math.round(settings.space / 10);
  return {
    id,
    label: contender.label,
    round: mixedRound(create({ max: capacity, ttl }), settings, 0.1),
  };
}

function headToHead(workload, id, title) {
  return {
    id,
    title,
    applies: (contender) => contender.id === "ttl-cache",
    solo: true,
    run: async (create, contender, settings) => {
      const variants = [];
      for (const variantId of VARIANTS)
        variants.push(await makeVariant(variantId, settings, workload));
      return { variants: interleave(variants, settings) };
    },
  };
}

/** Zipf 0.99 hits, head to head. */
export const headToHeadHit = headToHead(
  "hit",
  "h2h-hit-zipf-0.99",
  "head to head in one worker: 100 % hit reads, Zipf s=0.99",
);

/** The 90/10 mix, head to head. */
export const headToHeadMix = headToHead(
  "mix",
  "h2h-mix-90-10",
  "head to head in one worker: 90/10 read/write, Zipf s=0.99",
);
