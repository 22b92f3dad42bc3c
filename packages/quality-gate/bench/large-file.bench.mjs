// pnpm bench:large-file: how the gate scales with one large generated source file (issue 17: "a
// 5 MB file takes 89 s and 2.2 GB; tsc: 4 s"). For each size, in one run, it times the gate's
// checks side by side with the tools they drive (tsc, Prettier, ESLint) on the same throwaway
// repository, and prints each contender's ratio to that round's tsc and its growth from the size
// before: a stage that grows about as fast as the file (x2 for a doubling) is linear; x4 is
// quadratic. The file is thousands of documented exported functions in one module, formatted and
// lint-clean, as a code generator writes them. The gate runs cold (no snapshot, no cache), as a
// first CI run would. Peak memory comes from /usr/bin/time where there is one.
//
//   node packages/quality-gate/bench/large-file.bench.mjs --help
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const USAGE = `Usage: pnpm bench:large-file [options]
  --sizes A,B,C  file sizes in MB, each run in turn (default 1.25,2.5,5)
  --rounds N     timed rounds per size; each runs every contender once (default 1)
  --quick        leave out the full check (every rung but the tests), the slowest row
  --help         this text`;

function readFlags(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1.25,2.5,5" },
      rounds: { type: "string", default: "1" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((size) => !(size > 0))) {
    throw new TypeError(
      `Expected --sizes to be sizes in MB such as 1.25,2.5,5, got "${values.sizes}".`,
    );
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new TypeError(
      `Expected --rounds to be a whole number from 1 up, got "${values.rounds}".`,
    );
  }
  return { ...values, sizes, rounds };
}

let flags;
try {
  flags = readFlags(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench:large-file: ${error.message}\n${USAGE}\n`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const workspace = fileURLToPath(new URL("../../..", import.meta.url));
const gate = join(workspace, "packages", "quality-gate", "bin", "quality-gate.js");
const tool = (path) => join(workspace, "node_modules", ...path.split("/"));
const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const cold = { ...process.env, QUALITY_GATE_SNAPSHOT: "0", NO_COLOR: "1" };

/** One exported function with complete TSDoc, formatted as Prettier would. */
function documentedFunction(index) {
  return `/**
 * Returns the ${index}th offset added to the input.
 *
 * @param x - the input
 * @returns the input plus ${index}
 * @example
 * \`\`\`ts
 * offset${index}(1);
 * \`\`\`
 */
export function offset${index}(x: number): number {
  return x + ${index};
}
`;
}

/** A throwaway package whose src/generated.ts is about `megabytes` long. */
function makeRepository(megabytes) {
  const root = mkdtempSync(join(tmpdir(), "ladder-large-file-"));
  mkdirSync(join(root, "src"));
  symlinkSync(join(workspace, "node_modules"), join(root, "node_modules"));
  const files = {
    "package.json": JSON.stringify({ name: "large", type: "module", exports: "./dist/index.js" }),
    "tsconfig.json": JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        strict: true,
        rootDir: "src",
        outDir: "dist",
        types: [],
      },
      include: ["src"],
    }),
    "eslint.config.js": `import tseslint from "typescript-eslint";

export default tseslint.config(tseslint.configs.strictTypeChecked, {
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
});
`,
    "src/index.ts": `/**\n * Generated offsets.\n *\n * @packageDocumentation\n */\nexport * from "./generated.js";\n`,
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const parts = [];
  let length = 0;
  for (let index = 0; length < megabytes * 1e6; index++) {
    const part = documentedFunction(index);
    parts.push(part);
    length += part.length + 1;
  }
  writeFileSync(join(root, "src", "generated.ts"), parts.join("\n"));
  return { root, functions: parts.length };
}

function contenders(root) {
  const check = (only) => [
    process.execPath,
    gate,
    "check",
    root,
    "--only",
    only,
    "--format",
    "json",
    "--no-cache",
  ];
  return [
    {
      name: "tsc --noEmit",
      command: [process.execPath, tool("typescript/bin/tsc"), "--noEmit", "-p", root],
    },
    {
      name: "prettier --check",
      command: [process.execPath, tool("prettier/bin/prettier.cjs"), "--check", "src"],
    },
    { name: "eslint", command: [process.execPath, tool("eslint/bin/eslint.js"), "src"] },
    { name: "quality-gate --only 0,4,7", command: check("0,4,7"), env: cold, exitCodes: [0, 1] },
    ...(flags.quick
      ? []
      : [
          {
            name: "quality-gate --only 0,1,2,4,5,6,7",
            command: check("0,1,2,4,5,6,7"),
            env: cold,
            exitCodes: [0, 1],
          },
        ]),
  ];
}

/** Runs one contender; returns wall milliseconds and peak resident memory in MB, if known. */
function measure(contender, root) {
  const [command, ...args] =
    timeBin === undefined ? contender.command : [timeBin, "-f", "%M", ...contender.command];
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: root,
    env: contender.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  if (!(contender.exitCodes ?? [0]).includes(run.status)) {
    throw new Error(`${contender.name} exited ${run.status}: ${run.stderr.slice(-500)}`);
  }
  const kilobytes = timeBin === undefined ? NaN : Number(run.stderr.trim().split("\n").at(-1));
  return { ms, mb: kilobytes / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times every contender on a file of one size; returns name → median seconds, ratio, peak MB. */
function benchSize(size) {
  const { root, functions } = makeRepository(size);
  try {
    const active = contenders(root);
    const samples = new Map(active.map((contender) => [contender.name, []]));
    for (let round = 0; round < flags.rounds; round++) {
      const results = active.map((contender) => [contender.name, measure(contender, root)]);
      const tsc = results[0][1].ms;
      for (const [name, result] of results) {
        samples.get(name).push({ ...result, ratio: result.ms / tsc });
      }
    }
    const summary = new Map();
    for (const [name, runs] of samples) {
      summary.set(name, {
        seconds: median(runs.map((run) => run.ms)) / 1000,
        ratio: median(runs.map((run) => run.ratio)),
        mb: Math.max(...runs.map((run) => run.mb)),
      });
    }
    return { functions, summary };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const rows = [];
let previous;
for (const [index, size] of flags.sizes.entries()) {
  const { functions, summary } = benchSize(size);
  for (const [name, { seconds, ratio, mb }] of summary) {
    const before = previous?.get(name)?.seconds;
    const grew = size / flags.sizes[index - 1];
    rows.push({
      size: `${size} MB (${functions} functions)`,
      contender: name,
      seconds: seconds.toFixed(1),
      "x tsc": ratio.toFixed(2),
      growth:
        before === undefined
          ? ""
          : `x${(seconds / before).toFixed(2)} (size x${grew.toFixed(1)})`,
      "peak MB": Number.isNaN(mb) ? "?" : Math.round(mb),
    });
  }
  previous = summary;
}
console.table(rows);
