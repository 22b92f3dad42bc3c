// The correctness pre-check that gates the timings: a contender that fails is marked, not timed.

/**
 * Runs the checks on a fresh adapter per check.
 *
 * @param {(typeof import("./contenders.mjs").CONTENDERS)[number]} contender - its flags
 * @param {(options: object) => object} create - the adapter factory
 * @returns {{ check: string, ok: boolean, detail?: string }[]} one result per check
 */
export function checkCorrectness(contender, create) {
  const ttl = contender.ttl ? 60_000 : undefined;
  const withTtl = (options) => create({ ...options, ttl });
  const results = [guard('1 distinct from "1"', () => numericKeys(withTtl))];
  results.push(guard("__proto__ key", () => protoKey(withTtl)));
  results.push(evictionCheck(contender, withTtl));
  return results;
}

function evictionCheck(contender, create) {
  if (!contender.bounded) return { check: "eviction order", ok: true, detail: "n/a (unbounded)" };
  if (contender.lruOrder === false) {
    return { check: "eviction order", ok: true, detail: "n/a (admission policy, not LRU)" };
  }
  return guard("eviction order", () => evictionOrder(create));
}

function guard(check, run) {
  try {
    return run();
  } catch (error) {
    return { check, ok: false, detail: `threw ${String(error)}` };
  }
}

function numericKeys(create) {
  const cache = create({ max: 10 });
  cache.set(1, "number");
  cache.set("1", "string");
  const ok = cache.get(1) === "number" && cache.get("1") === "string" && cache.size() === 2;
  cache.close();
  return {
    check: '1 distinct from "1"',
    ok,
    detail: ok ? undefined : "numeric keys collide with strings",
  };
}

function protoKey(create) {
  const cache = create({ max: 10 });
  const fresh = cache.get("__proto__") === undefined && cache.get("constructor") === undefined;
  cache.set("__proto__", "proto");
  const ok = fresh && cache.get("__proto__") === "proto" && cache.size() === 1;
  cache.close();
  return {
    check: "__proto__ key",
    ok,
    detail: ok ? undefined : "__proto__ or inherited names misbehave",
  };
}

function evictionOrder(create) {
  const cache = create({ max: 3 });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("c", 3);
  cache.get("a");
  cache.set("d", 4);
  const ok =
    cache.get("b") === undefined &&
    cache.get("a") === 1 &&
    cache.get("c") === 3 &&
    cache.get("d") === 4;
  cache.close();
  return {
    check: "eviction order",
    ok,
    detail: ok ? undefined : "did not evict the least recently used",
  };
}
