// The lines `--since` matches a symbol on: doc comment and head, never the body.
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { declarationSpan } from "../../src/scorer/declaration-span.js";

const text = `/** A function. */
export function f(
  a: number,
): number {
  return a;
}
/** A class. */
export class C {
  m(): void {}
}
// not a doc comment
export const g = (): number => {
  return 1;
};
export interface I {
  a: number;
}
`;
const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.ES2022, true);
const [fn, cls, variable, iface] = source.statements;

describe("declarationSpan", () => {
  it("runs from the doc comment to the line where a function's or class's body opens", () => {
    expect(declarationSpan(fn!)).toEqual([1, 4]);
    expect(declarationSpan(cls!)).toEqual([7, 8]);
  });

  it("starts a variable at its statement, ignores plain comments and stops at an arrow's body", () => {
    const declaration = (variable as ts.VariableStatement).declarationList.declarations[0]!;
    expect(declarationSpan(declaration)).toEqual([12, 12]);
  });

  it("covers the whole of a declaration without a body", () => {
    expect(declarationSpan(iface!)).toEqual([15, 17]);
  });
});
