// Generates the bench:gate corpus: a TypeScript package of N modules (default 1 000) with about
// 12 exported symbols each, of mixed quality, re-exported from src/index.ts. Deterministic: the
// same N always gives the same files, so runs compare like with like.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A tiny seeded PRNG (mulberry32), so the corpus is the same on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function doc(rand, lines) {
  if (rand() < 0.15) return "";
  const kept = lines.filter(() => rand() < 0.9);
  return `/**\n${kept.map((line) => ` * ${line}`).join("\n")}\n */\n`;
}

function functionsSource(id, rand) {
  const parts = [];
  for (let f = 0; f < 5; f++) {
    const typed = rand() < 0.85;
    const lines = [
      `Combines the inputs of step ${f} in module ${id} into a weighted total.`,
      "",
      "@param left - the first operand",
      "@param right - the second operand",
      "@returns the weighted total",
      "@example",
      "```ts",
      `combine${id}_${f}(1, 2);`,
      "```",
    ];
    const right = typed ? "right: number" : "right: any";
    parts.push(
      `${doc(rand, lines)}export function combine${id}_${f}(left: number, ${right})${typed ? ": number" : ""} {\n  return left * ${f + 1} + right;\n}\n`,
    );
  }
  return parts;
}

function storeSource(id, rand) {
  const methods = [
    "  /**\n   * Adds or replaces a record under its id.\n   *\n   * @param record - the record to keep\n   */",
    `  put(record: Record${id}): void {\n    this.#items.set(record.id, record);\n  }\n`,
    "  /**\n   * Looks a record up by id.\n   *\n   * @param id - the id\n   * @returns the record, or undefined\n   */",
    `  get(id: string): Record${id} | undefined {\n    return this.#items.get(id);\n  }\n`,
    "  get size() {\n    return this.#items.size;\n  }",
  ];
  const lines = [
    `Keeps records of module ${id} in memory, indexed by id.`,
    "",
    "@example",
    "```ts",
    `new Store${id}().put({ id: "a", size: 1 });`,
    "```",
  ];
  return `${doc(rand, lines)}export class Store${id} {\n  readonly #items = new Map<string, Record${id}>();\n\n${methods.join("\n")}\n}\n`;
}

function moduleSource(index, rand) {
  const id = String(index).padStart(4, "0");
  return [
    `import type { Shape${id} } from "./types-${id}.js";\n`,
    ...functionsSource(id, rand),
    doc(rand, [`A record kept by module ${id}, with its identity and size.`]) +
      `export interface Record${id} {\n  /** Stable identity of the record. */\n  readonly id: string;\n  /** Size in bytes. */\n  readonly size: number;\n  readonly shape?: Shape${id};\n}\n`,
    storeSource(id, rand),
    doc(rand, [`Default weight used by module ${id} when no other applies.`]) +
      `export const weight${id} = ${index % 97};\n`,
    doc(rand, [
      `How module ${id} reports progress to its caller.`,
      "",
      "@param done - finished units",
    ]) + `export type Progress${id} = (done: number, total: number) => void;\n`,
    doc(rand, [`States a job of module ${id} goes through.`]) +
      `export enum State${id} {\n  /** Waiting to start. */\n  Idle,\n  Running,\n}\n`,
  ].join("\n");
}

const TSCONFIG = {
  compilerOptions: {
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    rootDir: "src",
    outDir: "dist",
    types: [],
    skipLibCheck: true,
  },
  include: ["src"],
};

/**
 * Writes the corpus into `dir` (replacing what was there).
 *
 * @param {string} dir
 * @param {number} modules
 */
export function generateCorpus(dir, modules = 1000) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  const rand = random(42);
  const index = ["/**\n * The generated bench corpus.\n *\n * @packageDocumentation\n */"];
  for (let i = 0; i < modules; i++) {
    const id = String(i).padStart(4, "0");
    writeFileSync(join(dir, "src", `module-${id}.ts`), moduleSource(i, rand));
    writeFileSync(
      join(dir, "src", `types-${id}.ts`),
      `/** The shape of a record of module ${id}. */\nexport type Shape${id} = "square" | "round";\n`,
    );
    index.push(`export * from "./module-${id}.js";`);
  }
  writeFileSync(join(dir, "src", "index.ts"), `${index.join("\n")}\n`);
  const manifest = {
    name: "bench-corpus",
    private: true,
    type: "module",
    exports: { ".": "./dist/index.js" },
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "/tmp/ladder-bench-corpus";
  generateCorpus(dir, Number(process.argv[3] ?? 1000));
  console.log(`corpus written to ${dir}`);
}
