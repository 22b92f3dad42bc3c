// The initializer rule against TypeScript's own isolatedDeclarations, which is its reference: for
// each initializer, the verdict must be the one transpileDeclaration gives, except for
// `satisfies`, which this rule treats as transparent where isolatedDeclarations rejects it.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isInferableInitializer } from "../../src/scorer/inferable-initializer.js";

const PRELUDE = "interface T { a?: number }\ndeclare function load(): unknown;\n";

function ours(declaration: string): boolean {
  const file = ts.createSourceFile("x.ts", PRELUDE + declaration, ts.ScriptTarget.Latest, true);
  const statement = file.statements.at(-1) as ts.VariableStatement;
  const [variable] = statement.declarationList.declarations;
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  return isInferableInitializer(variable!.initializer!, isConst);
}

function isolatedDeclarations(declaration: string): boolean {
  const { diagnostics = [] } = ts.transpileDeclaration(PRELUDE + declaration, {
    compilerOptions: { isolatedDeclarations: true, declaration: true, strict: true },
    reportDiagnostics: true,
  });
  return diagnostics.length === 0;
}

const AGREED: string[] = [
  `export const x = "a";`,
  "export const x = -1;",
  "export const x = 1n;",
  "export const x = null;",
  "export const x = undefined;",
  "export const x = load() as T;",
  "export const x = <T>load();",
  "export const x = (load() as T);",
  "export const x = { a: 1, b: [1, 2] } as const;",
  "export const x = { a: load() } as const;",
  "export const x = [...[1]] as const;",
  "export const x = [1, , 2] as const;",
  "export const x = [1];",
  "export const x = { a: 1, b: { c: 'd' } };",
  "export const x = { a };",
  "export const x = { ...{} };",
  "export const x = { [Symbol.iterator]: 1, ['k']: 2 };",
  "export const x = { [load() as string]: 1 };",
  "export const x = { f(a: number): number { return a; } };",
  "export const x = { f(a: number) { return a; } };",
  "export const x = { f: () => 1 };",
  "export const x = { f: async () => 1 };",
  "export const x = { f: (a) => 1 };",
  "export const x = { f: (a = 1) => 1 };",
  "export const x = { f() { if (load()) return 1; return 2; } };",
  "export const x = { get a(): number { return 1; } };",
  "export const x = { get a() { return 1; } };",
  "export const x = { get a() { return load(); }, set a(v: number) {} };",
  "export const x = `a${load() as string}`;",
  "export let x = `a${load() as string}`;",
  "export const x = !true;",
  "export const x = load();",
  "export const x = class {};",
];

const SATISFIES: [string, boolean][] = [
  ["export const x = { a: 1 } satisfies T;", true],
  ["export const x = { a: 1 } as const satisfies T;", true],
  ["export const x = (load() as T) satisfies T;", true],
  ["export const x = load() satisfies unknown;", false],
];

describe("isInferableInitializer", () => {
  it.each(AGREED)("agrees with isolatedDeclarations on %s", (declaration) => {
    expect(ours(declaration)).toBe(isolatedDeclarations(declaration));
  });

  it.each(SATISFIES)("treats satisfies as transparent: %s is %s", (declaration, typed) => {
    expect(isolatedDeclarations(declaration)).toBe(false);
    expect(ours(declaration)).toBe(typed);
  });
});
