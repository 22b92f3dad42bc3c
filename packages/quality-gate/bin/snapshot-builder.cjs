// What `node --build-snapshot` runs for `quality-gate warm` (see dist/snapshot/build-snapshot.js).
// A snapshot builder gives its script neither `module` nor `exports`, and a `require` that loads
// only Node's own modules; the compiled entry expects a CommonJS scope, so it gets one here.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script, by necessity */
const { readFileSync } = require("node:fs");
const { wrap } = require("node:module");
const { dirname, join } = require("node:path");
const { runInThisContext } = require("node:vm");

const entry = join(__dirname, "..", "dist", "snapshot", "snapshot-entry.cjs");
const scope = { exports: {} };
runInThisContext(wrap(readFileSync(entry, "utf8")), { filename: entry }).call(
  scope.exports,
  scope.exports,
  require,
  scope,
  entry,
  dirname(entry),
);
