// pnpm test:real: runs `quality-gate check <repo> --format json --no-cache` on checkouts of public
// repositories and compares each rung 0-3 with what the repository's own tools said, and the
// symbols it scored with the names TypeScript exports from the entry files (a ground-truth file
// measured beforehand). Not part of CI: the checkouts are big, slow and live outside this repo.
// Their code is never committed; only the table (repo, commit, verdicts, counts) is, by --write.
//
//   node packages/quality-gate/real/compare-repos.mjs --help
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareRepo, renderMarkdown, summarize } from "./compare-report.mjs";

const USAGE = `Usage: node packages/quality-gate/real/compare-repos.mjs [ground-truth.json] [repos-dir] [options]
  ground-truth.json  the measured ground truth (or QG_REAL_GROUND_TRUTH)
  repos-dir          the folder holding one checkout per repository, named as each entry's "dir"
                     or owner__name (or QG_REAL_REPOS)
  --only LIST        compare just these repositories (comma list of owner/name or dir names)
  --timeout S        seconds one gate run may take before it is stopped (default 1800)
  --node PATH        the Node binary to run the gate with (default: this one, or QG_REAL_NODE)
  --write            also write the table to packages/quality-gate/docs/real-repos.md
  --help             this text
Tests that open servers should see only loopback; on Linux run the whole command in a fresh
network namespace, e.g. unshare -n sh -c 'ip link set lo up && pnpm test:real ...'.`;

const HERE = fileURLToPath(new URL(".", import.meta.url));
const LADDER_ROOT = resolve(HERE, "../../..");
const GATE_BIN = join(LADDER_ROOT, "packages/quality-gate/bin/quality-gate.js");
const DOCS_FILE = join(LADDER_ROOT, "packages/quality-gate/docs/real-repos.md");

function readOptions(argv, env) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      only: { type: "string" },
      timeout: { type: "string", default: "1800" },
      node: { type: "string" },
      write: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const timeoutS = Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0)
    throw new RangeError(
      `Expected --timeout to be a positive number of seconds, got ${values.timeout}`,
    );
  return {
    help: values.help,
    groundTruth: positionals[0] ?? env.QG_REAL_GROUND_TRUTH,
    reposDir: positionals[1] ?? env.QG_REAL_REPOS,
    only: values.only?.split(",").map((s) => s.trim()),
    timeoutMs: timeoutS * 1000,
    node: values.node ?? env.QG_REAL_NODE ?? process.execPath,
    write: values.write,
  };
}

function readGroundTruth(file) {
  const parsed = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(parsed))
    throw new TypeError(`Expected ${file} to hold an array of repositories, one object each`);
  return parsed;
}

function checkoutDir(reposDir, truth) {
  return join(reposDir, truth.dir ?? truth.repo.replace("/", "__"));
}

function headOf(dir) {
  const git = spawnSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" });
  return git.status === 0 ? git.stdout.trim() : undefined;
}

// Runs the gate in its own process group, so a timeout stops the tools it started as well.
function runGate(node, dir, timeoutMs) {
  return new Promise((done) => {
    const started = Date.now();
    const args = [GATE_BIN, "check", dir, "--format", "json", "--no-cache"];
    const child = spawn(node, args, { cwd: LADDER_ROOT, detached: true, stdio: "pipe" });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    const timer = setTimeout(() => {
      process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      done({ stdout, stderr, code, signal, durationMs: Date.now() - started });
    });
  });
}

function lastLine(text) {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

// Turns a finished gate process into what compareRepo reads: its report, or why there is none.
function toRun(result, commit, timeoutMs) {
  const base = { exitCode: result.code, durationMs: result.durationMs, commit };
  if (result.signal === "SIGKILL" && result.durationMs >= timeoutMs)
    return { ...base, error: `timed out after ${String(timeoutMs / 1000)} s` };
  try {
    return { ...base, report: JSON.parse(result.stdout) };
  } catch {
    const why = lastLine(result.stderr) || lastLine(result.stdout) || "no output";
    return { ...base, error: `no JSON report (exit ${String(result.code)}): ${why}` };
  }
}

async function compareOne(truth, options) {
  const dir = checkoutDir(options.reposDir, truth);
  if (!existsSync(dir)) return compareRepo(truth, { error: `no checkout at ${dir}` });
  process.stderr.write(`… ${truth.repo}\n`);
  const result = await runGate(options.node, dir, options.timeoutMs);
  const row = compareRepo(truth, toRun(result, headOf(dir), options.timeoutMs));
  const verdicts = row.rungs.map((r) => `${String(r.id)}:${r.result}`).join(" ");
  process.stderr.write(`  ${verdicts}, ${String(row.found)}/${String(row.expected)} names\n`);
  return row;
}

function selected(truths, only) {
  if (only === undefined) return truths;
  const wanted = new Set(only);
  return truths.filter((t) => wanted.has(t.repo) || wanted.has(t.dir));
}

function ladderCommit() {
  return headOf(LADDER_ROOT)?.slice(0, 10) ?? "unknown";
}

// Formats the page with the repository's own Prettier, so `format:check` stays green after --write.
async function writeDocs(markdown) {
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(DOCS_FILE)) ?? {};
  mkdirSync(dirname(DOCS_FILE), { recursive: true });
  writeFileSync(DOCS_FILE, await prettier.format(markdown, { ...config, filepath: DOCS_FILE }));
}

async function main() {
  const options = readOptions(process.argv.slice(2), process.env);
  if (options.help) return void console.log(USAGE);
  if (options.groundTruth === undefined || options.reposDir === undefined)
    throw new TypeError(`Expected a ground-truth file and a repos folder\n\n${USAGE}`);
  const truths = selected(readGroundTruth(options.groundTruth), options.only);
  const rows = [];
  // One repository at a time: each gate run already uses every core for its tools.
  for (const truth of truths) rows.push(await compareOne(truth, options));
  const node = spawnSync(options.node, ["--version"], { encoding: "utf8" }).stdout.trim();
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    ladderCommit: ladderCommit(),
    node,
    groundTruth: basename(resolve(options.groundTruth)),
  };
  const markdown = renderMarkdown(rows, meta);
  console.log(markdown);
  if (options.write) await writeDocs(markdown);
  const s = summarize(rows);
  process.exitCode = s.agreed === s.compared && s.clean === s.repos ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
