// Generated bad inputs, through the real bin: random bytes, deep nesting, huge files and
// well-formed JSON of the wrong shape as tsconfig.json, package.json, the config file (JSON and
// TypeScript), a baseline, shard reports and source files; odd names for `new`; symlink loops.
// For each case the CLI must end with 0, 1 or 2 (never a crash, a signal or a hang), print no
// stack, and leave every file of the repository as it was. Deterministic: the cases come from
// fast-check with a fixed seed (change SEED to explore; a failing case names its seed and index).
// The per-case timeout is a hang guard, not a speed target.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

const SEED = 17;
const HANG_GUARD_MS = 60_000;
const BIN = fileURLToPath(new URL("../../bin/quality-gate.js", import.meta.url));

/** One generated case: the files that make a small valid repository bad, and the command. */
interface FuzzCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly links?: Readonly<Record<string, string>>;
  readonly args: readonly string[];
}

const INDEX = `/**
 * A package for the fuzz test.
 *
 * @packageDocumentation
 */

/**
 * Adds one.
 *
 * @param value - the number
 * @returns the number plus one
 * @example
 * \`\`\`ts
 * addOne(1); // 2
 * \`\`\`
 */
export function addOne(value: number): number {
  return value + 1;
}
`;

const VALID: Readonly<Record<string, string>> = {
  "package.json": `${JSON.stringify({ name: "fuzz", type: "module" }, null, 2)}\n`,
  "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", types: [] }, include: ["src"] }, null, 2)}\n`,
  "src/index.ts": INDEX,
};

const encoder = new TextEncoder();

/** Bad file contents: bytes, nesting, size, and valid JSON of the wrong shape, at random. */
const badContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4096 }),
  fc
    .integer({ min: 1_000, max: 200_000 })
    .chain((depth) =>
      fc.constantFrom(
        "[".repeat(depth),
        '{"a":'.repeat(depth),
        `${"[".repeat(depth)}${"]".repeat(depth)}`,
      ),
    ),
  fc.constantFrom(
    `{"compilerOptions": {"strict": true}, "x": "${"a".repeat(3_000_000)}"}`,
    "a".repeat(4_000_000),
    "export const x = 1;\n".repeat(150_000),
  ),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 300 }),
  fc.constantFrom("\uFEFF{}", "{\0}", "\uD800", "null", "[]", '"text"', "{}", "1e999"),
);

/** Content that is not a JSON object: `init` must refuse it, so nothing may be written. */
const notAnObject: fc.Arbitrary<string | Uint8Array> = badContent.filter((content) => {
  try {
    const parsed: unknown = JSON.parse(
      typeof content === "string" ? content : Buffer.from(content).toString(),
    );
    return typeof parsed !== "object" || parsed === null || Array.isArray(parsed);
  } catch {
    return true;
  }
});

/** Names `new` must refuse: unicode, spaces, leading dashes, path characters, very long. */
const oddName: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).map((text) => `é${text}`),
    fc.string({ minLength: 0, maxLength: 20 }).map((text) => ` ${text} `),
    fc.string({ minLength: 0, maxLength: 20 }).map((text) => `-${text}`),
    fc.constantFrom("--force", "--dir", "-", "../up", "a/b", "C:\\x", ".", "index", "delete"),
    fc.integer({ min: 101, max: 5_000 }).map((length) => "a".repeat(length)),
  )
  .filter((name) => !name.includes("\0"));

function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, offset: number): T[] {
  return fc.sample(arbitrary, { seed: SEED + offset, numRuns: count });
}

/** Where bad content goes, and the command that reads it (rungs chosen to read that file). */
const TARGETS: readonly {
  readonly file: string;
  readonly args: readonly string[];
  readonly count: number;
  readonly content?: fc.Arbitrary<string | Uint8Array>;
}[] = [
  { file: "tsconfig.json", args: ["check", "--only", "0,7"], count: 4 },
  { file: "package.json", args: ["check", "--only", "7"], count: 3 },
  { file: "package.json", args: ["init"], count: 3, content: notAnObject },
  { file: "quality-gate.config.json", args: ["check", "--only", "0"], count: 3 },
  { file: "quality-gate.config.ts", args: ["check", "--only", "0"], count: 3 },
  {
    file: "baseline.json",
    args: ["check", "--only", "7", "--baseline", "baseline.json"],
    count: 3,
  },
  { file: "shard.json", args: ["merge-reports", "shard.json", "shard.json"], count: 3 },
  { file: "src/index.ts", args: ["check", "--only", "0,1,7"], count: 4 },
];

function cases(): FuzzCase[] {
  const contents = TARGETS.flatMap(({ file, args, count, content }, target) =>
    sample(content ?? badContent, count, target + 1).map((bytes, index) => ({
      name: `${file} #${String(index)} (seed ${String(SEED + target + 1)})`,
      files: { [file]: bytes },
      args,
    })),
  );
  const names = sample(oddName, 6, TARGETS.length + 1).map((name, index) => ({
    name: `new module ${JSON.stringify(name.slice(0, 30))} #${String(index)}`,
    files: {},
    args: ["new", "module", name],
  }));
  return [...contents, ...names, ...symlinkLoops()];
}

function symlinkLoops(): FuzzCase[] {
  const loops: Record<string, string>[] = [
    { "src/self": "." },
    { "src/up": ".." },
    { "src/a": "b", "src/b": "a" },
  ];
  return loops.map((links, index) => ({
    name: `symlink loop #${String(index)}: ${JSON.stringify(links)}`,
    files: {},
    links,
    args: ["check", "--only", "0,1,5"],
  }));
}

/** Every entry under a folder, links not followed: path → kind and content hash or target. */
function tree(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const key = relative(root, path);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) entries[key] = `link ${readlinkSync(path)}`;
      else if (stats.isDirectory()) {
        entries[`${key}/`] = "dir";
        walk(path);
      } else {
        const hash = createHash("sha256").update(readFileSync(path)).digest("hex");
        entries[key] = `file ${String(stats.mode & 0o777)} ${hash}`;
      }
    }
  };
  walk(root);
  return entries;
}

const roots: string[] = [];
const cacheHome = mkdtempSync(join(tmpdir(), "qg-fuzz-cache-"));
afterAll(() => {
  for (const root of [...roots, cacheHome]) rmSync(root, { recursive: true, force: true });
});

function repository(fuzz: FuzzCase): string {
  const root = mkdtempSync(join(tmpdir(), "qg-fuzz-"));
  roots.push(root);
  mkdirSync(join(root, ".git"));
  for (const [path, content] of Object.entries({ ...VALID, ...fuzz.files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof content === "string" ? encoder.encode(content) : content,
    );
  }
  for (const [path, target] of Object.entries(fuzz.links ?? {}))
    symlinkSync(target, join(root, path));
  return root;
}

interface Ended {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function run(args: readonly string[], cwd: string): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: "1",
        CI: "",
        XDG_CACHE_HOME: cacheHome,
        QUALITY_GATE_SNAPSHOT: "0",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, HANG_GUARD_MS);
    child.on("close", (status, signal) => {
      clearTimeout(guard);
      resolve({ status, signal, stderr, timedOut });
    });
  });
}

describe("bad inputs through the bin", () => {
  it.concurrent.each(cases().map((fuzz) => [fuzz.name, fuzz] as const))(
    "%s: exit 0, 1 or 2, no stack, nothing changed",
    async (_name, fuzz) => {
      const root = repository(fuzz);
      const before = tree(root);
      const ended = await run(fuzz.args, root);
      expect(ended.timedOut, "still running after the hang guard").toBe(false);
      expect(ended.signal).toBeNull();
      expect([0, 1, 2], ended.stderr).toContain(ended.status);
      expect(ended.stderr).not.toMatch(/^\s+at /m);
      // Nothing from the input reaches the terminal raw: no control character but newlines.
      // eslint-disable-next-line no-control-regex -- what must not reach the terminal
      expect(ended.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      if (ended.status === 2) {
        // A run that ends early says why in its last line, with a stable code.
        expect(ended.stderr.trimEnd().split("\n").at(-1)).toMatch(
          /^quality-gate: .* \[[A-Z_]+\]$/,
        );
      }
      expect(tree(root)).toEqual(before);
    },
    HANG_GUARD_MS + 30_000,
  );
});
