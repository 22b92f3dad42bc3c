// The README's VarietyCache + Refresher example, runnable: node packages/cache/examples/variety-snippets.mjs
// (after npm run build). The seed's code cache: snippets per language × difficulty × lines, filled
// 3 at a time per combination, up to 12. A fake producer stands in for the AI, a fake clock for the
// 3-hour schedule and a seeded random source for pick, so the output is the same on every run.
import { tracingChannel } from "node:diagnostics_channel";
import { CACHE_CHANNELS, Refresher, VarietyCache } from "../dist/index.js";

const languages = [
  "c",
  "clojure",
  "cpp",
  "csharp",
  "css",
  "dart",
  "elixir",
  "go",
  "haskell",
  "html",
  "java",
  "javascript",
  "kotlin",
  "matlab",
  "objectivec",
  "perl",
  "php",
  "python",
  "r",
  "ruby",
  "rust",
  "scala",
  "shell",
  "sql",
  "swift",
  "typescript",
];
const difficulties = ["easy", "medium", "hard"];
const lineCounts = [10, 15, 20];
const keySpace = languages.flatMap((language) =>
  difficulties.flatMap((difficulty) => lineCounts.map((lines) => [language, difficulty, lines])),
);

/** mulberry32: a small seeded generator, so the picks below are reproducible. */
function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
let clock = 0;
const snippets = new VarietyCache({
  name: "code-cache",
  keySpace,
  maxPerKey: 12,
  now: () => clock,
  random: seededRandom(2024),
});

// The fake AI: a numbered snippet per call; python/hard/20 is rate limited at first.
let calls = 0;
let rateLimited = true;
async function generateCode([language, difficulty, lines], { signal }) {
  signal.throwIfAborted();
  calls++;
  if (rateLimited && `${language}/${difficulty}/${lines}` === "python/hard/20") {
    throw new Error("API rate limit exceeded");
  }
  return `// ${language} ${difficulty} ${lines} lines, variant ${calls}`;
}

const refresher = new Refresher({
  cache: snippets,
  producer: generateCode,
  perGeneration: 3,
  concurrency: 5,
  timeout: 30_000,
});

// One line per generation, from the refresh tracing channel.
const show = (key) => key.join("/");
tracingChannel(CACHE_CHANNELS.refresh).subscribe({
  asyncEnd: ({ result }) => {
    const failed = result.failed.length === 0 ? "none" : result.failed.map(show).join(", ");
    console.log(
      `t+${clock / HOUR}h generation ${result.generation}: +${result.added} snippets, failed: ${failed}`,
    );
  },
});

const summarize = (s) =>
  `${s.entries} entries, ${s.keySpaceCovered}/${s.keySpaceSize} combinations covered ` +
  `(${(s.coverage * 100).toFixed(1)}%), ${s.averagePerKey.toFixed(2)} per combination, ` +
  `${(s.entryCoverage * 100).toFixed(1)}% of ${s.keySpaceSize * 12}, failed: ${s.failedKeys}`;

const javascript = ["javascript", "medium", 15];
const perCycle = [];
for (let cycle = 1; cycle <= 5; cycle++) {
  await refresher.runGeneration(); // refresher.start() does this every 3 hours
  perCycle.push(snippets.count(javascript));
  if (cycle === 1) {
    console.log("stats ->", summarize(snippets.stats()));
    rateLimited = false;
  }
  clock += 3 * HOUR;
}
console.log("javascript/medium/15 per generation ->", perCycle.join(" → "));
console.log("stats ->", summarize(snippets.stats()));

console.log("pick x3 ->");
for (let i = 0; i < 3; i++) console.log("  ", snippets.pick(javascript));

const listed = snippets.list({ filter: (e) => show(e.key) === "python/hard/20", limit: 3 });
console.log("list python/hard/20 (oldest 3) ->");
for (const e of listed)
  console.log(`   generation ${e.generation}, entry ${e.entryId}: ${e.value}`);

// Live fallback: a combination outside the key space, asked for three times at once.
const before = calls;
const live = await Promise.all(
  [1, 2, 3].map(() => refresher.getOrGenerate(["python", "easy", 25])),
);
console.log(
  `getOrGenerate x3 -> ${calls - before} producer call, same value: ${live.every((v) => v === live[0])}`,
  `| cached now: ${snippets.count(["python", "easy", 25])}`,
);
await refresher.stop();
