// An editor's hover over any key of a typed configuration shows that key's documentation, the
// text written once in the zod schema: the generated types carry it to every reader of
// QualityGateConfig, through the package's public entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configSchema } from "../../src/config/config-schema.js";

interface Node {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string;
  readonly properties?: Record<string, Node>;
  readonly items?: Node;
}

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const consumer = join(packageDir, "test/config/hover-consumer.ts");

/** Every key path of the validated configuration, with the documentation the schema gives it. */
function documentedKeys(): [string, string][] {
  const schema = z.toJSONSchema(configSchema, { io: "output" }) as {
    $defs: Record<string, Node>;
  };
  const resolve = (node: Node): Node =>
    node.$ref === undefined ? node : (schema.$defs[node.$ref.split("/").pop() ?? ""] ?? node);
  const walk = (node: Node, path: string): [string, string][] =>
    Object.entries(resolve(node).properties ?? {}).flatMap(([key, child]) => {
      const here = `${path}.${key}`;
      const target = resolve(child);
      const inner = target.type === "array" && target.items ? target.items : child;
      const below = target.type === "array" ? `${here}[0]!` : here;
      return [[here, child.description ?? target.description ?? ""], ...walk(inner, below)];
    });
  return walk({ $ref: "#/$defs/QualityGateConfig" }, "config");
}

function hoverDocs(expressions: readonly string[]): string[] {
  const text = [
    'import type { QualityGateConfig } from "../../src/index.js";',
    "declare const config: QualityGateConfig;",
    ...expressions.map((expression) => `${expression};`),
  ].join("\n");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: [],
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [consumer],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) =>
      file === consumer
        ? ts.ScriptSnapshot.fromString(text)
        : ts.sys.fileExists(file)
          ? ts.ScriptSnapshot.fromString(readFileSync(file, "utf8"))
          : undefined,
    getCurrentDirectory: () => packageDir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === consumer || ts.sys.fileExists(file),
    readFile: (file) => (file === consumer ? text : ts.sys.readFile(file)),
  };
  const service = ts.createLanguageService(host);
  return expressions.map((expression) => {
    const end = text.indexOf(`${expression};`) + expression.length;
    const at = expression.endsWith("!") ? end - 2 : end - 1;
    const info = service.getQuickInfoAtPosition(consumer, at);
    return ts.displayPartsToString(info?.documentation).replace(/\s+/g, " ");
  });
}

describe("the configuration's documentation", { timeout: 60_000 }, () => {
  it("shows on hover for every key, as the schema writes it", () => {
    const keys = documentedKeys();
    expect(keys.map(([path]) => path)).toContain("config.rungs.tested.coverage.lines");
    expect(keys.map(([path]) => path)).toContain("config.rungs.secure.allowSinks[0]!.reason");
    const shown = hoverDocs(keys.map(([path]) => path));
    expect(Object.fromEntries(keys.map(([path], index) => [path, shown[index]]))).toEqual(
      Object.fromEntries(keys),
    );
    for (const [path, description] of keys) expect(description, path).not.toBe("");
  });
});
