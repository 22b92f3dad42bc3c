// The README's TtlCache example, runnable: node packages/cache/examples/ttl-cache-users.mjs
// (after npm run build). A fake clock stands in for time so the output is the same on every run.
import { subscribe } from "node:diagnostics_channel";
import { CACHE_CHANNELS, TtlCache } from "../dist/index.js";

let clock = 0;
const users = new TtlCache({
  name: "users",
  ttl: 300_000, // five minutes
  maxEntries: 2,
  now: () => clock,
  onEvict: (key, _value, reason) => console.log(`left the cache: ${key} (${reason})`),
});
subscribe(CACHE_CHANNELS.miss, ({ cache, key }) =>
  console.log(`telemetry: miss in ${cache} for ${key}`),
);

users.set("user123", { name: "Alice", email: "alice@example.com" });
users.set("session:abc", { name: "Bob", email: "bob@example.com" }, { ttl: 5_000 });
console.log("get user123 ->", users.get("user123")?.name);

clock += 6_000; // the session's 5 s TTL has passed
console.log("get session:abc ->", users.get("session:abc"));

// Single flight: three concurrent misses share one loader call.
let loads = 0;
const loadUser = async (id) => ({
  name: `User ${id} (load #${++loads})`,
  email: `${id}@example.com`,
});
const [a, b, c] = await Promise.all([1, 2, 3].map(() => users.fetch("user9", loadUser)));
console.log("fetch x3 ->", a.name, "|", a === b && b === c ? "same object" : "different");

users.set("user42", { name: "Carol", email: "carol@example.com" }); // over maxEntries: 2
console.log("keys ->", [...users.keys()]);
console.log("stats ->", JSON.stringify(users.stats()));
users.close();
