// `new` re-exports a module from its package's index by name, in order, keeping what is there.
import { describe, expect, it } from "vitest";
import { addReexport } from "../../src/scaffold/add-reexport.js";

const MODULE = [
  "export interface Line { readonly quantity: number }",
  "export type Total = number;",
  "export class TotalError extends Error {}",
  "export function total(lines: readonly Line[]): Total { return lines.length; }",
  "export default total;",
  "",
].join("\n");

const HEADER = "/**\n * The package.\n *\n * @packageDocumentation\n */\n";

describe("addReexport", () => {
  it("re-exports values and types by name, sorted, before the next module's re-exports", () => {
    const index = `${HEADER}export { a } from "./a.js";\n// the z module, last\nexport { z } from "./z.js";\n`;
    expect(addReexport(index, MODULE, "./m.js")).toBe(
      `${HEADER}export { a } from "./a.js";\n` +
        'export { TotalError, total } from "./m.js";\n' +
        'export type { Line, Total } from "./m.js";\n' +
        '// the z module, last\nexport { z } from "./z.js";\n',
    );
  });

  it("keeps the file's opening comment above a re-export that goes first", () => {
    const index = `${HEADER}export { z } from "./z.js";\n`;
    expect(addReexport(index, "export const a = 1;\n", "./a.js")).toBe(
      `${HEADER}export { a } from "./a.js";\nexport { z } from "./z.js";\n`,
    );
  });

  it("goes after the last re-export when it sorts last, and at the end when there is none", () => {
    expect(
      addReexport(
        'export { a } from "./a.js";\nexport const v = 1;\n',
        "export const b = 1;",
        "./b.js",
      ),
    ).toBe('export { a } from "./a.js";\nexport { b } from "./b.js";\nexport const v = 1;\n');
    expect(addReexport("export const v = 1;", "export type T = 1;", "./t.js")).toBe(
      'export const v = 1;\nexport type { T } from "./t.js";\n',
    );
    expect(addReexport("", "export const b = 1;", "./b.js")).toBe(
      'export { b } from "./b.js";\n',
    );
  });

  it("changes nothing when the index exports the module already, or the module exports nothing", () => {
    expect(addReexport('export * from "./m.js";\n', MODULE, "./m.js")).toBeUndefined();
    expect(addReexport("export const v = 1;\n", "const hidden = 1;\n", "./m.js")).toBeUndefined();
  });
});
