// Stale-while-revalidate, stale-if-error, sliding expiry and a warm start, runnable:
// node packages/cache/examples/ttl-cache-stale.mjs (after npm run build). A fake clock stands in
// for time so the output is the same on every run.
import { TtlCache } from "../dist/index.js";

let clock = 0;
let version = 0;
let up = true;
const loadPrice = async (symbol) => {
  if (!up) throw new Error("price service down");
  return `${symbol} v${++version}`;
};

const prices = new TtlCache({
  ttl: 1_000, // fresh for 1 s
  staleWhileRevalidate: 5_000, // then served stale for 5 s while one reload runs
  staleIfError: 60_000, // and for a minute when the reload fails
  now: () => clock,
});

console.log("fetch (miss) ->", await prices.fetch("ACME", loadPrice));
clock += 1_500; // past the TTL, inside the stale window
console.log(
  "fetch (stale) ->",
  await prices.fetch("ACME", loadPrice),
  "| get ->",
  prices.get("ACME"),
);
await new Promise((resolve) => setImmediate(resolve)); // the background reload lands
console.log("fetch (fresh) ->", await prices.fetch("ACME", loadPrice));
console.log("info ->", prices.info("ACME"));

up = false;
clock += 10_000; // past both the TTL and the revalidate window; the reload fails
console.log("fetch (service down) ->", await prices.fetch("ACME", loadPrice));

const sessions = new TtlCache({ ttl: 30_000, updateAgeOnGet: true, now: () => clock });
sessions.set("session:abc", { user: "alice" });
clock += 20_000;
sessions.get("session:abc"); // sliding expiry: the 30 s start again
console.log("session remaining ->", sessions.getRemainingTtl("session:abc"));

// Warm start: another cache, on another clock, picks up where this one stopped.
const warm = new TtlCache({ ttl: 30_000, now: () => 0 });
warm.load(sessions.dump());
console.log(
  "warm start ->",
  [...warm.entries()],
  "remaining",
  warm.getRemainingTtl("session:abc"),
);
prices.close();
