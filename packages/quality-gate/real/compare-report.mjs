// The pure half of `pnpm test:real`: compares one quality-gate JSON report with the ground truth
// recorded for the same repository (what its own tsc, formatter, linter and test command said,
// and the names TypeScript exports from each entry file), and renders the comparison as markdown.
// No I/O here, so the comparison can be checked on plain objects.

/** The rungs compared with the repository's own tools: 0 compiles … 3 tested. */
export const COMPARED_RUNGS = [0, 1, 2, 3];

// A finding that says a tool could not run, rather than what the tool found.
const TOOL_FAILURE = /\/(?:tool-failed|load-error|config-error)$/;

const MAX_LISTED_NAMES = 40;

/**
 * Reads a gate rung status as a verdict comparable with the repository's own: `pass`, `fail`,
 * or the status itself when the rung gave none (`skipped`, `not-run`, `missing`).
 */
export function gateVerdict(report, id) {
  const rung = report?.rungs?.find((r) => r.id === id);
  if (rung === undefined) return "missing";
  if (rung.status === "passed") return "pass";
  if (rung.status === "failed") return "fail";
  return rung.status;
}

/**
 * Compares the gate's verdict on one rung with the repository's own. `n/a` when the repository
 * has no tool for that rung (its own verdict is `none`): the gate's own default then applies and
 * there is nothing of the repository's to agree with.
 */
export function compareRung(own, gate) {
  if (own === "none") return "n/a";
  return own === gate ? "agree" : "disagree";
}

function entryKey(entry) {
  return `${entry.package} ${entry.subpath}`;
}

// A scored symbol belongs to an entry point when its package matches (by name or by directory)
// and, once the gate records the entry subpath on a symbol, when that matches too. Until then a
// name scored through one subpath also counts for another subpath of the same package.
function symbolMatches(symbol, entry, packageDirs) {
  const packageOk = symbol.package === entry.package || packageDirs.has(symbol.package);
  const subpath = symbol.subpath ?? symbol.entryPoint ?? symbol.entry;
  return packageOk && (subpath === undefined || subpath === entry.subpath);
}

/**
 * Measures how many of the names TypeScript exports from each entry file the gate scored.
 * A name counts once per entry point (package + subpath); the same name reached through two
 * subpaths is expected twice.
 */
export function measureCoverage(entryPoints, symbols) {
  const missed = [];
  let expected = 0;
  for (const entry of entryPoints) {
    const names = entry.exportedNames ?? [];
    const dirs = new Set([entry.packageDir, entry.package].filter(Boolean));
    const scored = symbols.filter((s) => symbolMatches(s, entry, dirs)).map((s) => s.name);
    const found = new Set(scored);
    // A namespace export (`export * as P`) is scored by its members, `P.when`, `P.string`, …
    const namespaces = new Set(
      scored.filter((name) => name.includes(".")).map((name) => name.slice(0, name.indexOf("."))),
    );
    expected += names.length;
    for (const name of names) {
      if (!found.has(name) && !namespaces.has(name)) missed.push(`${entryKey(entry)}: ${name}`);
    }
  }
  const coverage = expected === 0 ? null : (expected - missed.length) / expected;
  return { expected, found: expected - missed.length, coverage, missed };
}

/** Lists the gate findings that say a tool could not run, with the tool's own first line. */
export function toolFailures(report) {
  return (report?.findings ?? [])
    .filter((f) => TOOL_FAILURE.test(f.ruleId))
    .map((f) => `rung ${String(f.rung)} ${f.ruleId}: ${f.message.split("\n")[0]}`);
}

/**
 * Compares one gate run with one repository's ground truth.
 *
 * @param truth - the repository's entry of the ground-truth file
 * @param run - `{ report, exitCode, error, commit, durationMs }`: the gate's parsed JSON report
 *   (undefined when it printed none), its exit code, why it gave no report, and the checkout's HEAD
 * @returns one row of the comparison table
 */
export function compareRepo(truth, run) {
  const report = run.report;
  const rungs = COMPARED_RUNGS.map((id) => {
    const own = truth.rungs[String(id)]?.verdict ?? "none";
    const gate = report === undefined ? "no report" : gateVerdict(report, id);
    const tool = truth.rungs[String(id)]?.tool ?? null;
    const version = truth.rungs[String(id)]?.version ?? null;
    return { id, own, gate, tool, version, result: compareRung(own, gate) };
  });
  const symbols = report?.symbols ?? [];
  const failures = toolFailures(report);
  if (run.error !== undefined) failures.unshift(`gate: ${run.error}`);
  return {
    repo: truth.repo,
    commit: truth.commit,
    commitMatches: run.commit === undefined || run.commit === truth.commit,
    exitCode: run.exitCode,
    durationMs: run.durationMs,
    rungs,
    failures,
    scored: symbols.length,
    ...measureCoverage(truth.entryPoints ?? [], symbols),
  };
}

function percent(ratio) {
  return ratio === null ? "–" : `${(ratio * 100).toFixed(1)} %`;
}

function rungCell(rung) {
  const mark = { agree: "✓", disagree: "✗", "n/a": "·" }[rung.result];
  return `${mark} ${rung.gate} / ${rung.own}`;
}

function tableRow(row) {
  const commit = `\`${row.commit.slice(0, 10)}\`${row.commitMatches ? "" : " (checkout differs)"}`;
  const cells = [
    row.repo,
    commit,
    ...row.rungs.map(rungCell),
    String(row.failures.length),
    String(row.scored),
    `${String(row.found)} / ${String(row.expected)}`,
    percent(row.coverage),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** Counts the rungs on which the gate agreed with the repository, over those it could. */
export function summarize(rows) {
  const compared = rows.flatMap((r) => r.rungs).filter((r) => r.result !== "n/a");
  const agreed = compared.filter((r) => r.result === "agree").length;
  const clean = rows.filter((r) => r.failures.length === 0).length;
  const covered = rows.filter((r) => r.coverage !== null && r.coverage >= 0.95).length;
  return { repos: rows.length, compared: compared.length, agreed, clean, covered };
}

function listNames(names) {
  const shown = names.slice(0, MAX_LISTED_NAMES).map((n) => `\`${n}\``);
  const more = names.length - shown.length;
  return shown.join(", ") + (more > 0 ? `, … and ${String(more)} more` : "");
}

function details(row) {
  const lines = [`### ${row.repo}`, ""];
  const seconds = row.durationMs === undefined ? "?" : (row.durationMs / 1000).toFixed(1);
  const own = row.rungs.map((r) =>
    `${String(r.id)} ${r.tool ?? "none"} ${r.version ?? ""}`.trim(),
  );
  lines.push(`- the repository's own tools, rungs ${own.join("; ")}`);
  lines.push(`- gate exit code ${String(row.exitCode)}, ${seconds} s`);
  for (const failure of row.failures) lines.push(`- tool failure: ${failure}`);
  if (row.missed.length > 0) lines.push(`- exported names not scored: ${listNames(row.missed)}`);
  return [...lines, ""];
}

const HEADER = [
  "| repo | commit | rung 0 | rung 1 | rung 2 | rung 3 | tool failures | symbols scored | exported names found | coverage |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
];

/**
 * Renders the comparison as a markdown page: a table (each rung cell reads `gate / own`, ✓ when
 * they agree, ✗ when not, · when the repository has no such tool), a summary line, and per
 * repository the gate's tool failures and the exported names it did not score.
 */
export function renderMarkdown(rows, meta) {
  const s = summarize(rows);
  return [
    "# quality-gate on real repositories",
    "",
    `Generated by \`pnpm test:real\` on ${meta.date} (ladder ${meta.ladderCommit}, Node ${meta.node}),`,
    `from the ground truth in \`${meta.groundTruth}\`. Each rung cell reads *gate / repository's own*`,
    "verdict: ✓ agree, ✗ disagree, · the repository has no tool for that rung. Coverage is the share",
    "of the names TypeScript exports from each entry file that the gate scored.",
    "",
    ...HEADER,
    ...rows.map(tableRow),
    "",
    `Agreed on ${String(s.agreed)} of ${String(s.compared)} comparable rungs; ${String(s.clean)} of`,
    `${String(s.repos)} repositories ran without a tool failure; ${String(s.covered)} of`,
    `${String(s.repos)} reached 95 % coverage of their exported names.`,
    "",
    "## Details",
    "",
    ...rows.flatMap(details),
  ].join("\n");
}
