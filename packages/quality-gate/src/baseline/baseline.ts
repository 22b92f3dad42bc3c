/**
 * The baseline ratchet (`--baseline FILE`): today's findings are recorded, known findings stop
 * failing the gate, new ones still do, and the file only ever shrinks unless `--force` says
 * otherwise. Findings are keyed by symbol identity (package, public name, overload, check code),
 * not by line or file hash, so moving code or changing line endings keeps the baseline valid. The
 * public name is qualified by its `exports` subpath when that is not `.` (`./sub:foo`), so one
 * name exported by two subpaths gives two keys, while keys of the main entry's symbols stay as
 * they always were.
 */
import { readFileSync } from "node:fs";
import { QualityGateError } from "../errors.js";
import { writeAtomically } from "../fs/write-atomically.js";

/** What the baseline needs to know about a finding. */
export interface BaselineFinding {
  /** The rule or rubric check, e.g. `documented/param`, `eslint/no-unused-vars`. */
  readonly ruleId: string;
  /** The file, relative to the repository root. */
  readonly file: string;
  /**
   * The public symbol the finding is about, qualified by its subpath when not the main entry
   * (`./sub:foo`), or `null` for findings tied to a file.
   */
  readonly symbol: string | null;
  /** The symbol's package, for symbol findings. */
  readonly package?: string | undefined;
  /** The overload index, for symbol findings on one overload of several. */
  readonly overload?: number | undefined;
  /** The rubric `missing` code, for symbol findings (`param:key`). */
  readonly code?: string | undefined;
  /** The message; part of the identity of file findings only. */
  readonly message: string;
  /** The rung that found it, so a run of some rungs leaves the others' entries alone. */
  readonly rung?: number | undefined;
}

/** One recorded finding. */
export interface BaselineEntry {
  /** The identity the entry matches on. */
  readonly key: string;
  /** The rule, for people reading the file. */
  readonly ruleId: string;
  /** Where it was when recorded, for people reading the file (not part of the key for symbols). */
  readonly file: string;
  /** The message when recorded. */
  readonly message: string;
  /** The rung that found it; entries without one belong to every run. */
  readonly rung?: number;
}

/** The baseline file's contents. */
export interface Baseline {
  /** Format version of the file. */
  readonly version: 1;
  /** The known findings, sorted by key. */
  readonly entries: readonly BaselineEntry[];
}

/** A baseline that cannot be used: the CLI prints the message and exits 2, leaving the file alone. */
export class BaselineError extends QualityGateError<"CORRUPT_BASELINE" | "UNREADABLE_BASELINE"> {
  /**
   * Creates the error.
   *
   * @param code - what is wrong with the file: it is unreadable or not a baseline
   * @param message - one line naming the file, the problem and the fix
   * @example
   * ```ts
   * throw new BaselineError("CORRUPT_BASELINE", "quality-gate.baseline.json is not a baseline.");
   * ```
   */
  constructor(code: "CORRUPT_BASELINE" | "UNREADABLE_BASELINE", message: string) {
    super(code, message);
    this.name = "BaselineError";
  }
}

/**
 * The identity a finding is matched on.
 *
 * @param finding - the finding
 * @returns `symbol|package|name|overload|code` for symbol findings (`name` as qualified:
 *   `./sub:foo` for a subpath's symbol), `file|rule|path|message` (whitespace folded, so line
 *   endings do not matter) for the others
 * @example
 * ```ts
 * baselineKey({ ruleId: "documented/param", file: "src/a.ts", symbol: "get", package: "p", code: "param:key", message: "" });
 * // "symbol|p|get||param:key"
 * ```
 */
export function baselineKey(finding: BaselineFinding): string {
  if (finding.symbol !== null) {
    const overload = finding.overload === undefined ? "" : String(finding.overload);
    const code = finding.code ?? finding.ruleId;
    return ["symbol", finding.package ?? "", finding.symbol, overload, code].join("|");
  }
  return ["file", finding.ruleId, finding.file, finding.message.replace(/\s+/g, " ").trim()].join(
    "|",
  );
}

/**
 * Reads a baseline file.
 *
 * @param path - the baseline file
 * @returns its contents, or `undefined` when there is no file yet (the first `--update-baseline`
 *   creates it)
 * @throws BaselineError when the file exists but cannot be read or is not a baseline; the file
 *   is never modified
 * @example
 * ```ts
 * const baseline = readBaseline("quality-gate.baseline.json");
 * ```
 */
export function readBaseline(path: string): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new BaselineError(
      "UNREADABLE_BASELINE",
      `Cannot read the baseline ${path}: ${(error as Error).message}.`,
    );
  }
  const parsed = parseJson(text);
  if (!isBaseline(parsed)) {
    throw new BaselineError(
      "CORRUPT_BASELINE",
      `${path} is not a quality-gate baseline (expected { "version": 1, "entries": [...] }); restore it from git or delete it and run --update-baseline.`,
    );
  }
  return parsed;
}

/**
 * Splits findings into those the baseline knows and those it does not, and lists the recorded
 * entries that no longer occur (fixed).
 *
 * @param findings - today's findings
 * @param baseline - the recorded baseline, or `undefined` when there is none (all findings new)
 * @param ran - whether a rung ran; entries of rungs that did not run are never counted fixed
 * @returns new findings (these fail the gate), known ones, and fixed entries
 * @example
 * ```ts
 * const { fresh } = applyBaseline(findings, readBaseline(file));
 * ```
 */
export function applyBaseline<F extends BaselineFinding>(
  findings: readonly F[],
  baseline: Baseline | undefined,
  ran: (rung: number) => boolean = () => true,
): { fresh: F[]; known: F[]; fixed: BaselineEntry[] } {
  const entries = (baseline?.entries ?? []).filter((entry) => judged(entry, ran));
  const recorded = new Set(entries.map((entry) => entry.key));
  const seen = new Set(findings.map(baselineKey));
  return {
    fresh: findings.filter((finding) => !recorded.has(baselineKey(finding))),
    known: findings.filter((finding) => recorded.has(baselineKey(finding))),
    fixed: entries.filter((entry) => !seen.has(entry.key)),
  };
}

/**
 * Computes the next baseline. Without `force` it only ever removes fixed entries, so the ratchet
 * never admits a new finding by accident; with `force`, or when there is no baseline yet, it
 * records today's findings as they are.
 *
 * @param baseline - the recorded baseline, or `undefined` when there is no file yet
 * @param findings - today's findings
 * @param force - record every current finding, new ones included
 * @param ran - whether a rung ran; entries of rungs that did not run are kept as they are
 * @returns the baseline to write
 * @example
 * ```ts
 * writeBaseline(file, updateBaseline(readBaseline(file), findings, false));
 * ```
 */
export function updateBaseline(
  baseline: Baseline | undefined,
  findings: readonly BaselineFinding[],
  force: boolean,
  ran: (rung: number) => boolean = () => true,
): Baseline {
  const unjudged = (baseline?.entries ?? []).filter((entry) => !judged(entry, ran));
  if (force || baseline === undefined) {
    return { version: 1, entries: sortEntries([...unjudged, ...toEntries(findings)]) };
  }
  const current = new Set(findings.map(baselineKey));
  return {
    version: 1,
    entries: baseline.entries.filter((entry) => current.has(entry.key) || !judged(entry, ran)),
  };
}

/** Whether this run judged an entry: its rung ran (entries without a rung belong to every run). */
function judged(entry: BaselineEntry, ran: (rung: number) => boolean): boolean {
  return entry.rung === undefined || ran(entry.rung);
}

/**
 * Writes a baseline atomically (to a temporary file, then renamed over the target), so an
 * interrupted write never leaves a corrupt baseline.
 *
 * @param path - the baseline file
 * @param baseline - what to write
 * @example
 * ```ts
 * writeBaseline("quality-gate.baseline.json", { version: 1, entries: [] });
 * ```
 */
export function writeBaseline(path: string, baseline: Baseline): void {
  writeAtomically(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

function toEntries(findings: readonly BaselineFinding[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const key = baselineKey(finding);
    if (!byKey.has(key))
      byKey.set(key, {
        key,
        ruleId: finding.ruleId,
        file: finding.file,
        message: finding.message,
        ...(finding.rung === undefined ? {} : { rung: finding.rung }),
      });
  }
  return sortEntries([...byKey.values()]);
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isBaseline(value: unknown): value is Baseline {
  if (typeof value !== "object" || value === null) return false;
  const { version, entries } = value as { version?: unknown; entries?: unknown };
  return version === 1 && Array.isArray(entries) && entries.every(isEntry);
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  const texts = ["key", "ruleId", "file", "message"].every((f) => typeof entry[f] === "string");
  return texts && (entry.rung === undefined || typeof entry.rung === "number");
}
