/**
 * The TypeScript compiler API, loaded with `require`. Imported from ESM, Node would first scan
 * all 9 MB of `typescript.js` for its named exports (about half a second on every run); through
 * this CommonJS module the ESM side sees one small file, and the types are the same `ts`
 * namespace.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point of this module
import ts = require("typescript");
export = ts;
