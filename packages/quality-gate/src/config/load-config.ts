/**
 * Finds and validates the configuration: `--config FILE`, else the first of
 * `quality-gate.config.{ts,mts,js,mjs,json}` in the repository root, else the defaults.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { z } from "zod";
import { QualityGateError } from "../errors.js";
import type { QualityGateConfig } from "./config-schema.js";
import { DEFAULT_CONFIG } from "./default-config.js";

const CANDIDATES = ["ts", "mts", "js", "mjs", "json"].map((ext) => `quality-gate.config.${ext}`);

/** A key that moved: a config still using it is told where to, not just "unknown key". */
interface MovedKey {
  readonly path: readonly [string, string];
  readonly to: (value: unknown) => string;
}

const MOVED: readonly MovedKey[] = [
  {
    path: ["thresholds", "tests"],
    to: (value) =>
      `line coverage is set once, as rungs.tested.coverage.lines in percent (it fails rung 3 and is the tests score's minimum): write rungs: { tested: { coverage: { lines: ${typeof value === "number" ? String(Math.round(value * 10_000) / 100) : "90"} } } } instead`,
  },
];

/**
 * Loads the configuration of a repository.
 *
 * @param root - the repository root
 * @param explicit - the `--config` path, if given (relative to the working directory)
 * @param cwd - the working directory `explicit` is relative to
 * @returns the validated configuration with defaults, and the file it came from (if any)
 * @throws QualityGateError `CONFIG_NOT_FOUND`, `CONFIG_UNREADABLE` or `CONFIG_INVALID` (naming
 *   the key, and where a key that moved went) so the CLI can print one line and exit 2
 * @example
 * ```ts
 * const { config } = await loadConfig("/repo", undefined, process.cwd());
 * ```
 */
export async function loadConfig(
  root: string,
  explicit: string | undefined,
  cwd: string,
): Promise<{ config: QualityGateConfig; file: string | undefined }> {
  const file = explicit === undefined ? findConfig(root) : resolveExplicit(explicit, cwd);
  // No file, nothing to validate: zod (a tenth of a second to import) loads only for a file.
  if (file === undefined) return { config: DEFAULT_CONFIG, file };
  const raw = withoutSchemaKey(await readConfig(file));
  const where = relative(cwd, file) || file;
  refuseMovedKeys(raw, where);
  const { configSchema } = await import("./config-schema.js");
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new QualityGateError("CONFIG_INVALID", `${where}: ${describeIssue(result.error)}`);
  }
  return { config: result.data, file };
}

/** Drops `$schema`: editors read it from a JSON config (schema/config.v1.json); the gate does not. */
function withoutSchemaKey(raw: unknown): unknown {
  if (!isRecord(raw) || !("$schema" in raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "$schema"));
}

function refuseMovedKeys(raw: unknown, where: string): void {
  for (const { path, to } of MOVED) {
    const [outer, inner] = path;
    const parent = isRecord(raw) ? raw[outer] : undefined;
    if (isRecord(parent) && inner in parent) {
      throw new QualityGateError(
        "CONFIG_INVALID",
        `${where}: "${path.join(".")}" moved: ${to(parent[inner])}.`,
      );
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function findConfig(root: string): string | undefined {
  return CANDIDATES.map((name) => join(root, name)).find((path) => existsSync(path));
}

function resolveExplicit(path: string, cwd: string): string {
  const file = isAbsolute(path) ? path : join(cwd, path);
  if (!existsSync(file)) {
    throw new QualityGateError("CONFIG_NOT_FOUND", `--config ${path}: no such file.`);
  }
  return file;
}

async function readConfig(file: string): Promise<unknown> {
  try {
    if (file.endsWith(".json")) return JSON.parse(readFileSync(file, "utf8")) as unknown;
    // Loaded only for a script config: jiti takes a tenth of a second to import, a run without
    // a config (or with JSON) should not pay it.
    const { createJiti } = await import("jiti");
    const jiti = createJiti(import.meta.url, { moduleCache: false });
    return await jiti.import(file, { default: true });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0] ?? String(error);
    throw new QualityGateError("CONFIG_UNREADABLE", `${file} does not load: ${reason}`);
  }
}

/** The first issue as one line that names the key and what is expected. */
function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (issue === undefined) return "invalid configuration.";
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => (path === "" ? key : `${path}.${key}`));
    return `unknown key ${keys.map((key) => `"${key}"`).join(", ")}; check the spelling against the documented options.`;
  }
  return `"${path === "" ? "(root)" : path}": ${issue.message}.`;
}
