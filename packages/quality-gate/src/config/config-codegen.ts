/**
 * Generates, from the zod schema, the two files that describe the configuration to everything
 * but zod: its TypeScript types (`src/config/config-types.ts`, for `defineConfig` and editors'
 * hover docs) and its JSON schema (`schema/config.v1.json`, for `quality-gate.config.json`). Both
 * are committed; `npm run generate:config` rewrites them, and a test fails when either is stale.
 * The types cannot be `z.output` of the schema: the package builds with `isolatedDeclarations`,
 * which needs every exported type written out, so they are written out here, by a program.
 *
 * @internal
 */
import { join } from "node:path";
import { z } from "zod";
import { configSchema } from "./config-schema.js";

/** One generated file: where it goes in the package, and its text. */
export interface GeneratedFile {
  /** Relative to the package folder. */
  readonly path: string;
  /** The file's text, formatted with the repository's Prettier settings. */
  readonly content: string;
}

interface JsonSchema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly [other: string]: unknown;
}

const TYPES_FILE = "src/config/config-types.ts";
const SCHEMA_FILE = "schema/config.v1.json";
const ROOT = "QualityGateConfig";

/**
 * Renders both files from the schema as it is now.
 *
 * @param packageDir - the package folder, for the Prettier settings that apply there
 * @returns the types file and the JSON schema, formatted
 * @internal
 */
export async function generateConfigFiles(packageDir: string): Promise<GeneratedFile[]> {
  const prettier = await import("prettier");
  const files = [
    { path: TYPES_FILE, content: typesSource() },
    { path: SCHEMA_FILE, content: `${JSON.stringify(jsonSchema(), null, 2)}\n` },
  ];
  return Promise.all(
    files.map(async ({ path, content }) => {
      const filepath = join(packageDir, path);
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      return { path, content: await prettier.format(content, { ...options, filepath }) };
    }),
  );
}

/** The JSON schema of a config file as a user writes it: every key optional. */
function jsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { io: "input" }) as JsonSchema;
  const defs = { ...generated.$defs };
  const root = defs[ROOT] ?? {};
  defs[ROOT] = {
    ...root,
    description:
      "quality-gate.config.json: thresholds, score weights, entry points, include/exclude globs and per-rung options. Every key is optional; an unknown key is an error.",
    // An editor reads the schema from `$schema`; the loader ignores the key.
    properties: { $schema: { type: "string" }, ...root.properties },
  };
  return {
    $schema: generated.$schema,
    $id: "https://github.com/ladder/quality-gate/schema/config.v1.json",
    title: "quality-gate configuration, version 1",
    $ref: `#/$defs/${ROOT}`,
    $defs: defs,
  };
}

/** The TypeScript types of the validated configuration (defaults filled in) and of the input. */
function typesSource(): string {
  const schema = z.toJSONSchema(configSchema, { io: "output" }) as JsonSchema;
  const defs = schema.$defs ?? {};
  const docs: Record<string, string> = {
    [ROOT]: "The configuration after validation, with every default filled in.",
  };
  const interfaces = Object.entries(defs).map(([name, def]) =>
    [
      comment(docs[name] ?? def.description ?? name, ""),
      `export interface ${name} {\n${members(def, defs, "  ")}}\n`,
    ].join(""),
  );
  return [
    "// Generated from config-schema.ts by `npm run generate:config`; do not edit. The test",
    "// test/config/generated-files.test.ts fails when this file is stale.\n",
    ...interfaces,
    "/** Makes every property optional, at every depth: the shape a user writes. */",
    "type DeepPartial<T> = T extends readonly (infer U)[]",
    "  ? readonly U[]",
    "  : T extends object",
    "    ? { readonly [K in keyof T]?: DeepPartial<T[K]> | undefined }",
    "    : T;\n",
    "/** The configuration as a user writes it: every key optional. */",
    `export type QualityGateUserConfig = DeepPartial<${ROOT}>;\n`,
  ].join("\n");
}

function members(
  def: JsonSchema,
  defs: Readonly<Record<string, JsonSchema>>,
  indent: string,
): string {
  const required = new Set(def.required ?? []);
  return Object.entries(def.properties ?? {})
    .map(([key, property]) => {
      const description = property.description ?? referenced(property, defs)?.description ?? key;
      const optional = required.has(key) ? "" : "?";
      const type = typeOf(property, defs, indent);
      const orUndefined = optional === "" ? "" : " | undefined";
      return `${comment(description, indent)}${indent}readonly ${key}${optional}: ${type}${orUndefined};\n`;
    })
    .join("");
}

function typeOf(
  schema: JsonSchema,
  defs: Readonly<Record<string, JsonSchema>>,
  indent: string,
): string {
  if (schema.$ref !== undefined) return refName(schema.$ref);
  if (schema.type === "array" && schema.items !== undefined) {
    return `readonly ${typeOf(schema.items, defs, indent)}[]`;
  }
  if (schema.type === "object") return `{\n${members(schema, defs, `${indent}  `)}${indent}}`;
  if (schema.type === "number" || schema.type === "string" || schema.type === "boolean") {
    return schema.type;
  }
  throw new TypeError(
    `config-codegen: no TypeScript for the JSON schema ${JSON.stringify(schema)}.`,
  );
}

function referenced(
  schema: JsonSchema,
  defs: Readonly<Record<string, JsonSchema>>,
): JsonSchema | undefined {
  return schema.$ref === undefined ? undefined : defs[refName(schema.$ref)];
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

/** A TSDoc comment, wrapped at the repository's 98 columns. */
function comment(text: string, indent: string): string {
  const width = 98 - indent.length - " * ".length;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  if (lines.length === 1 && indent.length + 8 + line.length <= 98)
    return `${indent}/** ${line} */\n`;
  return `${indent}/**\n${lines.map((part) => `${indent} * ${part}\n`).join("")}${indent} */\n`;
}
