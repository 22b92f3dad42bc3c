/**
 * Rung 5, secure: dangerous sinks (ESLint's `no-eval`, `no-new-func`, `no-implied-eval` and the
 * `ladder-security` rules), hard-coded secrets, and `JSON.parse` results leaving a public function
 * unvalidated. Each check reports problems with a location and a fix; none of them throws.
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ESLint } from "eslint";
import type ts from "typescript";
import type { PublicExport } from "../scorer/public-surface.js";
import tseslint from "typescript-eslint";
import { findJsonParseLeaks } from "./check-json-parse.js";
import { scanSecrets } from "./scan-secrets.js";
import { securityPlugin } from "./security-plugin.js";

/** One security problem. */
export interface SecurityProblem {
  /** The rule: `security/no-eval`, `security/hard-coded-secret`, `security/unvalidated-json`, … */
  readonly ruleId: string;
  /** File relative to the repository root. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The public symbol concerned, when there is one. */
  readonly symbol: string | null;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** What {@link checkSecurity} looks at. */
export interface SecurityInput {
  /** The repository root. */
  readonly root: string;
  /** The source files to scan (absolute paths): the packages' `src/` files. */
  readonly files: readonly string[];
  /** Each package's public exports and its Program's checker, for the `JSON.parse` boundary check. */
  readonly publicApi: readonly {
    readonly exports: readonly PublicExport[];
    readonly checker: ts.TypeChecker;
  }[];
  /** Values the secret scanner must not report (exact strings or `/regex/` sources). */
  readonly allowSecrets: readonly string[];
  /** The incremental cache's folder, for ESLint's cache of the sink rules; none when absent. */
  readonly cacheDir?: string | undefined;
}

const SINK_RULES = {
  "no-eval": "error",
  "no-new-func": "error",
  "no-implied-eval": "error",
  "ladder-security/no-dynamic-exec": "error",
  "ladder-security/no-dynamic-vm": "error",
} as const;

/**
 * Runs every security check.
 *
 * @param input - the files, public exports and secret allow-list
 * @returns the problems, sinks first, then secrets, then unvalidated JSON
 * @example
 * ```ts
 * const problems = await checkSecurity({ root, files, exports, allowSecrets: [] });
 * ```
 */
export async function checkSecurity(input: SecurityInput): Promise<SecurityProblem[]> {
  const rel = (path: string): string => relative(input.root, path).split(sep).join("/");
  return [
    ...(await findSinks(input, rel)),
    ...findSecrets(input.files, input.allowSecrets, rel),
    ...input.publicApi
      .flatMap(({ exports, checker }) => findJsonParseLeaks(exports, checker))
      .map((leak) => {
        const file = leak.call.getSourceFile();
        const position = file.getLineAndCharacterOfPosition(leak.call.getStart(file));
        return {
          ruleId: "security/unvalidated-json",
          file: rel(file.fileName),
          line: position.line + 1,
          column: position.character + 1,
          symbol: leak.symbol,
          message: `JSON.parse's result leaves ${leak.symbol} typed as ${leak.claimedType}, which nothing has checked. Return unknown and narrow it with a type guard or a schema.`,
        };
      }),
  ];
}

async function findSinks(
  { root, files, cacheDir }: SecurityInput,
  rel: (path: string) => string,
): Promise<SecurityProblem[]> {
  if (files.length === 0) return [];
  // The sink rules read one file at a time (no types), so ESLint's content cache is exact here.
  const cache =
    cacheDir === undefined
      ? {}
      : {
          cache: true,
          cacheLocation: join(cacheDir, "security-eslint.json"),
          cacheStrategy: "content" as const,
        };
  const eslint = new ESLint({
    ...cache,
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
        // tsconfigRootDir is explicit: typescript-eslint otherwise infers it from process-wide
        // state, which fails once several repositories have been linted in one process.
        languageOptions: { parser: tseslint.parser, parserOptions: { tsconfigRootDir: root } },
        // This pass loads only the sink rules, so the project's directives for its own plugins
        // would read as unknown or unused here; rung 2 judges those directives.
        linterOptions: { reportUnusedDisableDirectives: "off" },
        plugins: { "ladder-security": securityPlugin },
        rules: SINK_RULES,
      },
    ],
    ignore: false,
  });
  const results = await eslint.lintFiles([...files]);
  return results.flatMap((result) =>
    result.messages.filter(isSinkOrParseError).map((message) => ({
      ruleId: `security/${(message.ruleId ?? "parse-error").replace("ladder-security/", "")}`,
      file: rel(result.filePath),
      // A parse error of the whole file may come without a position.
      line: message.line > 0 ? message.line : 1,
      column: message.column > 0 ? message.column : 1,
      symbol: null,
      message: message.message,
    })),
  );
}

/** Drops "Definition for rule … was not found" for the project's own directives. */
function isSinkOrParseError(message: { ruleId: string | null }): boolean {
  return message.ruleId === null || Object.hasOwn(SINK_RULES, message.ruleId);
}

function findSecrets(
  files: readonly string[],
  allow: readonly string[],
  rel: (path: string) => string,
): SecurityProblem[] {
  return files.flatMap((path) =>
    scanSecrets(readFileSync(path, "utf8"), allow).map((hit) => ({
      ruleId: "security/hard-coded-secret",
      file: rel(path),
      line: hit.line,
      column: hit.column,
      symbol: null,
      message: `A ${hit.kind} (${hit.masked}) is written into the source. Read it from the environment or a secret store at run time; if it is not a secret, add it to the secrets allow-list in quality-gate.config.`,
    })),
  );
}
